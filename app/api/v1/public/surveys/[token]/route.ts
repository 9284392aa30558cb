/**
 * POST /api/v1/public/surveys/{token} — a customer's answer to the follow-up survey, the token
 * being the one of the survey e-mail's link (no account needed). The same domain function as the
 * survey page (lib/surveys/answer.ts).
 *
 * Body (JSON, at most 8 KB): `{overall, condition, service, comment?, mayContact}`, scores whole
 * numbers 1–5. Answers:
 * - 200 `{answeredAt}`; the link is used up;
 * - 400 malformed JSON, 413 too large, 415 not JSON;
 * - 422 `invalid_input` with per-field messages in the caller's language;
 * - 410 `token_invalid`: unknown, already answered or expired.
 */
import { apiRoute } from '@/lib/api/handler';
import { answerSurvey } from '@/lib/surveys/answer';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 8 * 1024;

export const POST = apiRoute<{ token: string }>(
  async ({ db, params, json }) => {
    const { answeredAt } = await answerSurvey(db, params.token, json);
    return Response.json({ answeredAt: answeredAt.toISOString() });
  },
  { access: 'public', maxBodyBytes: MAX_BODY_BYTES },
);
