/** POST /api/v1/admin/notification-channels/{id}/test — posts a test message now: `{ok, error}` with the platform's answer. */
import { apiRoute } from '@/lib/api/handler';
import { sendTestNotice } from '@/lib/notices/test-message';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ db, actor, params }) => Response.json(await sendTestNotice(db, actor, params.id)));
