/**
 * The morning digest opt-in, self-contained: shown to admin only, it reads the stored choice
 * and saves it itself, so it can sit on whichever page holds a person's own settings.
 */
import { setDailyDigestAction } from '@/app/actions/digest';
import { DailyDigestForm } from '@/components/account/daily-digest-form';
import type { Db } from '@/db';
import type { UserActor } from '@/lib/authz';
import { DIGEST_TIME } from '@/lib/digest/queue';
import { dailyDigestOptIn } from '@/lib/users/preferences';

export async function DailyDigestSetting({ db, actor }: { db: Db; actor: UserActor }) {
  if (actor.role !== 'admin') return null;
  return <DailyDigestForm on={await dailyDigestOptIn(db, actor)} time={DIGEST_TIME} save={setDailyDigestAction} />;
}
