/** POST /api/v1/feedback {kind, resourceId?, message} — a member of staff sends a suggestion or complaint. */
import { apiRoute } from '@/lib/api/handler';
import { toApiFeedback } from '@/lib/api/rectification-schemas';
import { sendFeedback } from '@/lib/feedback/send';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ db, actor, json }) => Response.json(toApiFeedback(await sendFeedback(db, actor, json)), { status: 201 }));
