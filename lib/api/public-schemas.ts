/**
 * The public routes' answers (lib/customer/public.ts, create-public.ts) as zod schemas, for the
 * OpenAPI document. Each is typed against the domain's own result type, so a field added or
 * renamed there fails the type check here instead of leaving the document behind.
 */
import { z } from 'zod';
import { bookingStatus } from '@/db/schema';
import type { PublicRequestResult } from '@/lib/customer/create-public';
import type { PublicAvailability, PublicBookingPolicy } from '@/lib/customer/public';
import { bilingual } from './schemas';

const instant = () => z.iso.datetime({ offset: true });

const text2 = () => bilingual(z.string());

/** A public resource as the API answers it (lib/api/serialize.ts `toApiPublicResource`): texts in both languages. */
export const publicResourceSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: text2(),
  type: z.object({ code: z.string(), name: text2() }),
  location: text2(),
  capacity: z.int(),
  facilities: bilingual(z.array(z.string())).meta({ description: 'The same items in each language, in the same order.' }),
  notes: text2(),
  opensAt: z.string().meta({ description: "Wall-clock 'HH:MM' in the organisation time zone." }),
  closesAt: z.string(),
  workingDaysOnly: z.boolean(),
  maxDurationMinutes: z.int(),
  setupBufferMinutes: z.int().meta({ description: 'Minutes kept free before every booking (set-up).' }),
  cleanupBufferMinutes: z.int().meta({ description: 'Minutes kept free after every booking (clean-up).' }),
});

export const publicBookingPolicySchema: z.ZodType<PublicBookingPolicy> = z
  .object({
    timeZone: z.string().meta({ examples: ['Asia/Shanghai'] }),
    minNoticeHours: z.int().meta({ description: 'How long before the start a request must come.' }),
    horizonDays: z.int().meta({ description: 'How many days ahead a booking may start.' }),
  })
  .meta({ description: 'What a booking form states up front.' });

export const publicResourceListSchema = z.object({ resources: z.array(publicResourceSchema), policy: publicBookingPolicySchema });

export const publicAvailabilitySchema: z.ZodType<PublicAvailability> = z.object({
  resourceId: z.uuid(),
  from: instant(),
  to: instant(),
  busy: z
    .array(z.object({ startAt: instant(), endAt: instant() }))
    .meta({ description: 'Busy time (bookings with their buffers, blackouts), merged: no booking boundaries.' }),
  maintenance: z
    .array(z.object({ startAt: instant(), endAt: instant(), untilFurtherNotice: z.boolean() }))
    .meta({ description: 'When the resource is under maintenance in the range (also part of `busy`); `untilFurtherNotice`: no end known yet.' }),
});

export const publicBookingCreatedSchema: z.ZodType<Pick<PublicRequestResult, 'reference' | 'status'>> = z.object({
  reference: z.string().meta({ examples: ['BK-2026-000123'] }),
  status: z.enum(bookingStatus.enumValues),
});

export type ApiPublicResource = z.input<typeof publicResourceSchema>;
