/**
 * The scheduled jobs, by the name used in /api/cron/<job> and by the in-process scheduler.
 *
 * Safe when two app instances run the same job at the same moment:
 * - expire-unconfirmed, send-reminders, release-no-shows and complete-ended claim every due
 *   booking in one UPDATE with FOR UPDATE SKIP LOCKED (lib/booking/bulk-transition.ts): a second
 *   runner skips the rows the first holds and finds them no longer due once it commits; each
 *   booking's event and mail are written in a few multi-row INSERTs, mail under the dedupe key;
 * - send-visit-reminders marks a booking reminded by its event, which no row lock claims, so its
 *   runs take turns on an advisory lock and a run that finds another busy leaves the work to it
 *   (lib/customer/jobs.ts);
 * - send-follow-up-surveys writes each completed customer booking's survey row, unique per
 *   booking, with ON CONFLICT DO NOTHING: a second runner waits for the first's rows and then
 *   writes and mails nothing for them (lib/surveys/send.ts);
 * - notify-waitlist marks every due entry in one UPDATE behind an advisory lock and queues its
 *   mail under a unique dedupe key (lib/waitlist/notify.ts), so each waiter is told once;
 * - notify-overdue-rectifications claims every overdue item in one conditional UPDATE in the
 *   transaction that queues its mail (lib/rectifications/overdue.ts), so each is told once;
 * - deliver-outbox claims rows with FOR UPDATE SKIP LOCKED and a lease (lib/mail/deliver.ts),
 *   so two runners split the due mail between them and never send one row twice. An advisory
 *   lock is not used: it would have to be held for the whole SMTP conversation, and a transaction
 *   open that long is worse than the row claims it would duplicate.
 */
import type { Db } from '@/db';
import { expireUnconfirmed, sendConfirmationReminders } from '@/lib/booking/jobs';
import { completeEnded } from '@/lib/booking/complete-ended';
import { releaseNoShows } from '@/lib/booking/release-no-shows';
import { warnSeriesNoShows } from '@/lib/booking/series/no-show-warning';
import { sendVisitReminders } from '@/lib/customer/jobs';
import { queueDailyDigests } from '@/lib/digest/queue';
import { deliverOutbox } from '@/lib/mail/deliver';
import { deliverNotices } from '@/lib/notices/deliver';
import { queueNotices } from '@/lib/notices/queue';
import { sendFollowUpSurveys } from '@/lib/surveys/send';
import { notifyOverdueRectifications } from '@/lib/rectifications/overdue';
import { notifyWaitlist } from '@/lib/waitlist/notify';

export type JobCounts = Record<string, number>;

export const jobs = {
  'expire-unconfirmed': (db: Db, now: Date): Promise<JobCounts> => expireUnconfirmed(db, now),
  'send-reminders': async (db: Db, now: Date): Promise<JobCounts> => sendConfirmationReminders(db, now),
  'send-visit-reminders': (db: Db, now: Date): Promise<JobCounts> => sendVisitReminders(db, now),
  // The visit: release no-shows first, so that a no-show is never completed instead; then warn
  // of series with three no-shows in a row.
  'release-no-shows': async (db: Db, now: Date): Promise<JobCounts> => ({
    ...(await releaseNoShows(db, now)),
    ...(await warnSeriesNoShows(db, now)),
  }),
  'complete-ended': (db: Db, now: Date): Promise<JobCounts> => completeEnded(db, now),
  // After the visit (policy II.3): the follow-up survey, once per completed customer booking.
  'send-follow-up-surveys': (db: Db, now: Date): Promise<JobCounts> => sendFollowUpSurveys(db, now),
  'notify-waitlist': (db: Db, now: Date): Promise<JobCounts> => notifyWaitlist(db, now),
  // The morning digest, once per day per admin and per group bot (lib/digest/queue.ts).
  'queue-digests': (db: Db, now: Date): Promise<JobCounts> => queueDailyDigests(db, now),
  'notify-overdue-rectifications': (db: Db, now: Date): Promise<JobCounts> => notifyOverdueRectifications(db, now),
  'deliver-outbox': (db: Db, now: Date): Promise<JobCounts> => deliverOutbox(db, { now }),
  // Group-bot notices: queued set by set under dedupe keys, then posted like the e-mail outbox.
  'queue-notices': (db: Db, now: Date): Promise<JobCounts> => queueNotices(db, now),
  'deliver-notices': (db: Db, now: Date): Promise<JobCounts> => deliverNotices(db, { now }),
} as const;

export type JobName = keyof typeof jobs;

/** In this order: an expiry or reminder queues mail that the delivery then sends. */
export const jobNames = Object.keys(jobs) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobs, name);
}

export function runJob(db: Db, name: JobName, now: Date = new Date()): Promise<JobCounts> {
  return jobs[name](db, now);
}
