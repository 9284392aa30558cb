/** PATCH /api/v1/admin/notification-channels/{id} — change a webhook's fields, events or switch it off. */
import { apiRoute } from '@/lib/api/handler';
import { updateChannel } from '@/lib/notices/channels';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, params, json }) =>
  Response.json(await updateChannel(db, actor, params.id, json)),
);
