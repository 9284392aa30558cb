import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeskNav } from '@/components/desk/desk-nav';
import { PageHeader } from '@/components/layout/page-header';
import { bookableResources } from '@/components/customer/bookable-resource';
import { customerSlotWindow } from '@/components/customer/slot-window';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listPublicResources } from '@/lib/customer/public';
import { currentLocale } from '@/lib/i18n/server';
import { DeskRequestForm } from './desk-request-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk'))('new.title') };
}

/** 代客登记 / 优先请求: customer service files for a customer who phoned or wrote. */
export default async function DeskNewPage() {
  await requirePageActor('customer_service', 'admin');
  const db = await getDb();
  const [resources, slots, locale, t] = await Promise.all([
    listPublicResources(db),
    customerSlotWindow(db),
    currentLocale(),
    getTranslations('desk'),
  ]);
  return (
    <>
      <DeskNav current="new" />
      <PageHeader title={t('new.title')} description={t('new.intro', { hours: slots.policy.minNoticeHours })} />
      <DeskRequestForm
        resources={bookableResources(resources, locale)}
        timeZone={slots.timeZone}
        earliestStartAt={slots.earliestStartAt}
        lastDay={slots.lastDay}
        holidays={slots.holidays}
      />
    </>
  );
}
