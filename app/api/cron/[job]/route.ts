/**
 * GET or POST /api/cron/<job> — runs one scheduled job and answers its counts as JSON.
 *
 * Jobs: expire-unconfirmed, send-reminders, send-visit-reminders, release-no-shows,
 * complete-ended, send-follow-up-surveys, notify-waitlist, queue-digests, notify-overdue-rectifications,
 * deliver-outbox, queue-notices, deliver-notices (lib/jobs). Requires
 * `Authorization: Bearer $CRON_SECRET` (401 otherwise, 503 while CRON_SECRET is not set; Vercel
 * Cron sends exactly this header). Idempotent and safe when several instances call at once —
 * see lib/jobs/index.ts. Every minute is a good schedule, e.g. crontab:
 *   * * * * * curl -fsS -H "Authorization: Bearer $CRON_SECRET" https://host/api/cron/deliver-outbox
 */
import { getDb } from '@/db';
import { bearerFailure, checkBearer } from '@/lib/http/bearer';
import { isJobName, runJob } from '@/lib/jobs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handle(request: Request, { params }: { params: Promise<{ job: string }> }): Promise<Response> {
  const check = checkBearer(request, process.env.CRON_SECRET);
  if (check !== 'ok') return bearerFailure(check, 'CRON_SECRET');
  const { job } = await params;
  if (!isJobName(job)) {
    return Response.json({ error: { code: 'not_found', message: `No job named "${job}".` } }, { status: 404 });
  }
  const counts = await runJob(await getDb(), job);
  return Response.json({ job, ...counts });
}

export { handle as GET, handle as POST };
