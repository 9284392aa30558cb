/** The JSON shapes of /api/v1/feeds (the caller's feed URLs) and of admin's group-bot channels. */
import { z } from 'zod';
import { botKind } from '@/db/schema';
import { NOTICE_EVENTS } from '@/lib/notices/channels';

export const feedUrlSchema = z.object({ url: z.url().meta({ description: 'Secret: whoever has it reads the feed.' }) });
export const feedListSchema = z.object({
  personal: feedUrlSchema,
  resources: z.array(z.object({ resourceId: z.uuid(), url: z.url() })),
});

export const channelSchema = z.object({
  id: z.uuid(),
  kind: z.enum(botKind.enumValues),
  name: z.string(),
  webhookHost: z.string().meta({ description: "The webhook's host only: the rest of its URL is a credential." }),
  hasSecret: z.boolean(),
  events: z.array(z.enum(NOTICE_EVENTS)),
  active: z.boolean(),
});
export const channelListSchema = z.object({ channels: z.array(channelSchema) });
