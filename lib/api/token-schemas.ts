/** The JSON shapes of /api/v1/tokens: a token as listed (never its secret), and as just made (with it). */
import { z } from 'zod';
import { apiTokenScope } from '@/db/schema';
import type { ApiTokenView } from '@/lib/api-access/tokens';
import { nextCursorSchema } from './pagination';

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.enum(apiTokenScope.enumValues)),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema), nextCursor: nextCursorSchema });
export const apiTokenCreatedSchema = apiTokenSchema.extend({
  token: z.string().meta({ description: 'The secret, shown this once: send it as `Authorization: Bearer …`.' }),
});

export function toApiToken(token: ApiTokenView): z.input<typeof apiTokenSchema> {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}
