/**
 * POST /api/v1/booking-series/preview (the body of a series request) → 200 `{occurrences}`:
 * every date of the rule with its state — free, taken (with alternatives), unavailable (the
 * rule's code in `reason`) or skipped (`holiday` / `non_working_day`). Nothing is written.
 */
import { apiRoute } from '@/lib/api/handler';
import { previewSeries } from '@/lib/booking/series/preview';
import { requestBody } from '../body';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ db, actor, json }) => Response.json(await previewSeries(db, actor, requestBody(json))));
