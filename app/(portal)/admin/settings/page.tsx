import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { getPolicySettings } from '@/lib/admin/settings';
import { NUMERIC_SETTINGS } from '@/lib/admin/settings-schema';
import { requirePageActor } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/format';
import { currentLocale } from '@/lib/i18n/server';
import { SettingsForm, type SettingsFormValues } from './settings-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

/** Every IANA zone the runtime knows, plus the stored one should the runtime not list it. */
function timeZoneChoices(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(current);
  return [...zones].sort();
}

export default async function SettingsPage() {
  const actor = await requirePageActor('admin');
  const [{ settings, updatedByName }, t, locale, timeZone] = await Promise.all([
    getPolicySettings(await getDb(), actor),
    getTranslations('settings'),
    currentLocale(),
    getTimeZone(),
  ]);
  const defaults = {
    ...Object.fromEntries(NUMERIC_SETTINGS.map((name) => [name, String(settings[name])])),
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    serviceMailbox: settings.serviceMailbox,
  } as SettingsFormValues;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={
          <>
            {t('intro')}{' '}
            {updatedByName
              ? t('lastChanged', { name: updatedByName, at: formatDateTime(settings.updatedAt, locale, timeZone) })
              : t('neverChanged')}
          </>
        }
      />
      <SettingsForm defaults={defaults} timeZones={timeZoneChoices(settings.timeZone)} />
    </>
  );
}
