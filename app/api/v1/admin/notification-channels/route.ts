/**
 * GET /api/v1/admin/notification-channels — admin's group-bot webhooks (never their secrets).
 * POST /api/v1/admin/notification-channels {kind, name, webhookUrl, secret?, events} → 201.
 */
import { apiRoute } from '@/lib/api/handler';
import { createChannel, listChannels } from '@/lib/notices/channels';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor }) => Response.json({ channels: await listChannels(db, actor) }));

export const POST = apiRoute(async ({ db, actor, json }) => Response.json(await createChannel(db, actor, json), { status: 201 }));
