/** The resource's planned maintenance windows: add one, edit or end those not over yet. */
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import type { UserActor } from '@/lib/authz';
import type { AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import { openMaintenanceWindows } from '@/lib/maintenance/queries';
import { toWallClock } from '@/lib/staff-booking/wall-clock';
import { EndMaintenanceButton, MaintenanceForm } from './maintenance-form';

export async function MaintenanceSection({
  actor,
  resourceId,
  locale,
  timeZone,
}: {
  actor: UserActor;
  resourceId: string;
  locale: AppLocale;
  timeZone: string;
}) {
  const [windows, t] = await Promise.all([openMaintenanceWindows(await getDb(), actor, resourceId), getTranslations('maintenance')]);
  return (
    <section aria-labelledby="maintenance" className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="maintenance" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </div>
      {windows.length > 0 && (
        <ul className="flex flex-col gap-3">
          {windows.map((w) => (
            <li key={w.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <p className="font-medium">{formatRange(w.startAt, w.endAt, locale, timeZone)}</p>
              <p className="mb-2 text-slate-700">{w.reason}</p>
              <div className="flex flex-col gap-3">
                <EndMaintenanceButton resourceId={resourceId} windowId={w.id} />
                <details>
                  <summary className="cursor-pointer font-medium text-blue-700">{t('edit')}</summary>
                  <div className="mt-3">
                    <MaintenanceForm
                      resourceId={resourceId}
                      editing={{ id: w.id, startAt: toWallClock(w.startAt, timeZone), endAt: toWallClock(w.endAt, timeZone), reason: w.reason }}
                      locale={locale}
                      timeZone={timeZone}
                    />
                  </div>
                </details>
              </div>
            </li>
          ))}
        </ul>
      )}
      <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <summary className="cursor-pointer font-medium text-blue-700">{t('addHeading')}</summary>
        <div className="mt-3">
          <MaintenanceForm resourceId={resourceId} locale={locale} timeZone={timeZone} />
        </div>
      </details>
    </section>
  );
}
