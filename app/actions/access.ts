'use server';

/** The profile page's calendar feeds and API tokens, and the calendar's resource feed. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '@/lib/api-access/tokens';
import { zonedInstant } from '@/lib/calendar/working-days';
import { myFeedUrl, regenerateFeed } from '@/lib/feeds/feeds';
import { formCheckbox, serverAction } from '@/lib/forms/server-action';
import { getSettings } from '@/lib/settings';

/** The URL of one resource's feed, when the calendar is switched to that resource. */
export const resourceFeedUrlAction = serverAction({
  input: z.object({ resourceId: z.string() }),
  run: async ({ db, actor }, { resourceId }) => ({ url: await myFeedUrl(db, actor, 'resource', resourceId) }),
});

export const regenerateFeedAction = serverAction({
  input: z.object({ kind: z.string(), resourceId: z.string().optional() }),
  run: async ({ db, actor }, input) => regenerateFeed(db, actor, input),
  message: (t) => t('access.feeds.regenerated'),
  after: () => {
    revalidatePath('/account');
    revalidatePath('/calendar');
  },
});

export const createApiTokenAction = serverAction({
  input: z.object({
    name: z.string(),
    write: formCheckbox(),
    expiresOn: z.union([z.iso.date({ error: 'invalid_date' }), z.literal('')]).optional(),
  }),
  run: async ({ db, actor }, { name, write, expiresOn }) => {
    const { timeZone } = await getSettings(db);
    const { token } = await createApiToken(db, actor, {
      name,
      scopes: write ? ['read', 'write'] : ['read'],
      // A token runs to the end of the chosen day in the organisation's zone.
      expiresAt: expiresOn ? zonedInstant(expiresOn, '23:59', timeZone) : undefined,
    });
    return { token };
  },
  message: (t) => t('access.tokens.created'),
  after: () => revalidatePath('/account'),
});

export const revokeApiTokenAction = serverAction({
  input: z.object({ tokenId: z.string() }),
  run: async ({ db, actor }, { tokenId }) => {
    await revokeApiToken(db, actor, tokenId);
  },
  message: (t) => t('access.tokens.revoked'),
  after: () => revalidatePath('/account'),
});
