/**
 * /admin/incidents — damage and abnormality reports, open ones first: the resource, who reported
 * it on which booking, whether it put the resource under maintenance (until when), the bookings
 * it affected, and a form to resolve it.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { NewRectificationLink } from '@/components/rectifications/new-rectification-link';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listIncidents } from '@/lib/incidents/queries';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { ResolveIncidentForm } from './resolve-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('incidents'))('admin.title') };
}

export default async function IncidentsPage() {
  const actor = await requirePageActor('admin');
  const [rows, t, tLedger, locale, timeZone] = await Promise.all([
    listIncidents(await getDb(), actor),
    getTranslations('incidents'),
    getTranslations('ledger'),
    currentLocale(),
    getTimeZone(),
  ]);
  const open = rows.filter((r) => r.incident.status === 'open').length;

  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.intro', { open })} />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('admin.none')}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {rows.map(({ incident, resource, reporterName, bookingReference, affected }) => (
            <li key={incident.id} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="incident">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/resources/${resource.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                  {localizedName(resource, locale)} <span className="font-mono text-xs">{resource.code}</span>
                </Link>
                <Badge variant={incident.severity === 'blocking' ? 'danger' : 'warning'}>{tLedger(`severity.${incident.severity}`)}</Badge>
                <Badge variant={incident.status === 'open' ? 'outline' : 'success'}>{tLedger(`incidentStatus.${incident.status}`)}</Badge>
              </div>
              <p className="whitespace-pre-line text-slate-900">{incident.description}</p>
              <p className="text-xs text-slate-600">
                {t('admin.reported', {
                  at: formatDateTime(incident.createdAt, locale, timeZone),
                  who: reporterName ?? t('admin.customer'),
                })}
                {bookingReference && ` · ${t('admin.onBooking', { reference: bookingReference })}`}
              </p>
              {incident.takesOutOfService && incident.status === 'open' && (
                <p className="font-medium text-orange-800">
                  {incident.blockUntil
                    ? t('admin.blockedUntil', { until: formatDateTime(incident.blockUntil, locale, timeZone) })
                    : t('admin.blockedOpen')}
                </p>
              )}
              {affected.length > 0 && (
                <div>
                  <p className="font-medium text-slate-800">{t('admin.affected', { count: affected.length })}</p>
                  <ul className="mt-1 flex flex-col gap-0.5">
                    {affected.map((b) => (
                      <li key={b.id}>
                        <Link href={`/admin/review/${b.id}`} className="font-mono text-blue-700 underline-offset-4 hover:underline">
                          {b.reference}
                        </Link>{' '}
                        {formatRange(b.startAt, b.endAt, locale, timeZone)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {incident.status === 'resolved' ? (
                <p className="text-slate-700">
                  {t('admin.resolution', {
                    at: incident.resolvedAt ? formatDateTime(incident.resolvedAt, locale, timeZone) : '',
                    notes: incident.resolution ?? '',
                  })}
                </p>
              ) : (
                <ResolveIncidentForm incidentId={incident.id} blocking={incident.takesOutOfService} />
              )}
              <div>
                <NewRectificationLink source={{ kind: 'incident', id: incident.id }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
