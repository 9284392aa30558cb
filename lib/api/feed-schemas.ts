/** The JSON shapes of /api/v1/feeds: the caller's feed URLs, and a regenerated one. */
import { z } from 'zod';

export const feedUrlSchema = z.object({ url: z.url().meta({ description: 'Secret: whoever has it reads the feed.' }) });
export const feedListSchema = z.object({
  personal: feedUrlSchema,
  resources: z.array(z.object({ resourceId: z.uuid(), url: z.url() })),
});
