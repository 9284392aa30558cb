import { ArrowRightIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('adminOverview.title') };
}

const areas = [
  { href: '/admin/review', key: 'review' },
  { href: '/admin/bookings', key: 'bookings' },
  { href: '/admin/resources', key: 'resources' },
  { href: '/admin/people', key: 'people' },
  { href: '/admin/incidents', key: 'incidents' },
  { href: '/admin/feedback', key: 'suggestions' },
  { href: '/rectifications', key: 'rectifications' },
  { href: '/admin/inspections', key: 'inspections' },
  { href: '/admin/reports', key: 'reports' },
  { href: '/admin/holidays', key: 'holidays' },
  { href: '/admin/settings', key: 'settings' },
  { href: '/admin/outbox', key: 'outbox' },
  { href: '/admin/audit', key: 'audit' },
  { href: '/admin/channels', key: 'channels' },
] as const;

/** Admin's landing page after sign-in: a way into each admin area. */
export default async function AdminOverviewPage() {
  await requirePageActor('admin');
  const t = await getTranslations('nav');
  return (
    <>
      <PageHeader title={t('adminOverview.title')} description={t('adminOverview.intro')} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((area) => (
          <li key={area.href}>
            <Card className="relative h-full transition-colors focus-within:border-blue-600 hover:border-blue-300">
              <CardHeader>
                <CardTitle as="h2" className="flex items-center justify-between gap-2">
                  {/* The link covers the whole card; the title is its accessible name. */}
                  <Link href={area.href} className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none">
                    {t(area.key)}
                  </Link>
                  <ArrowRightIcon className="size-4 text-slate-400" aria-hidden />
                </CardTitle>
                <CardDescription>{t(`adminOverview.${area.key}`)}</CardDescription>
              </CardHeader>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
