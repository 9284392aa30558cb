/**
 * /book — the public booking page: no account, phone first. The customer-bookable resources,
 * a free/busy week for the chosen one, and the request form (./booking-form.tsx).
 * `?resource=<code or id>` preselects a resource (links in e-mails, the browser tests).
 */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { bookableResources } from '@/components/customer/bookable-resource';
import { customerSlotWindow } from '@/components/customer/slot-window';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import { listPublicResources } from '@/lib/customer/public';
import { currentLocale } from '@/lib/i18n/server';
import { PublicBookingForm } from './booking-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('book');
  return { title: t('title'), description: t('metaDescription') };
}

type Props = { searchParams: Promise<{ resource?: string | string[] }> };

export default async function BookPage({ searchParams }: Props) {
  const db = await getDb();
  const [resources, slots, locale, t, query] = await Promise.all([
    listPublicResources(db),
    customerSlotWindow(db),
    currentLocale(),
    getTranslations('book'),
    searchParams,
  ]);
  const wanted = [query.resource].flat()[0];
  // A code in any case (typed links), or an id as the e-mails give it.
  const preselected = wanted ? resources.find((r) => r.code === wanted.toUpperCase() || r.id === wanted.toLowerCase()) : undefined;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro', { hours: slots.policy.minNoticeHours, days: slots.policy.horizonDays })}
      />
      {resources.length === 0 ? (
        <Alert variant="info">{t('noResources')}</Alert>
      ) : (
        <PublicBookingForm
          resources={bookableResources(resources, locale)}
          initialResourceId={preselected?.id ?? ''}
          timeZone={slots.timeZone}
          earliestStartAt={slots.earliestStartAt}
          lastDay={slots.lastDay}
          holidays={slots.holidays}
        />
      )}
    </>
  );
}
