import { Heading, Section, Text } from '@react-email/components';
import type { BookingStatus } from '@/db/schema';
import { ActionButton } from './components/action-button';
import { formatClockRange, formatDay, formatSlot } from './components/format';
import { emailTranslator, type EmailT } from './components/i18n';
import { EmailLayout, Paragraph, textStyle } from './components/layout';
import type { EmailLocale } from './components/locale';

/** What lib/digest/summary.ts gathers for a day; times are ISO instants. */
export interface DigestItem {
  reference: string;
  resourceZh: string;
  resourceEn: string;
  /** ISO instants. */
  startAt: string;
  endAt: string;
  status: BookingStatus;
}

export interface DigestBooking extends DigestItem {
  contactName: string;
}

export interface DigestResource {
  code: string;
  nameZh: string;
  nameEn: string;
  bookings: DigestBooking[];
}

export interface DigestSummary {
  /** The day, YYYY-MM-DD in `timeZone`. */
  day: string;
  timeZone: string;
  resources: DigestResource[];
  /** More of today's bookings than MAX_ROWS: the list is cut. */
  moreBookings: boolean;
  pendingCount: number;
  pending: DigestItem[];
  overdue: (DigestItem & { reason: 'undecided' | 'not_checked_out' })[];
}

/** Admin's morning digest (lib/digest): today's bookings per resource, waiting requests, what is overdue. */
export interface DailyDigestProps {
  locale: EmailLocale;
  recipientName: string;
  summary: DigestSummary;
  links: { review: string; calendar: string };
}

const sectionHeading = { color: '#0f172a', fontSize: '17px', margin: '20px 0 8px' } as const;
const rowStyle = { ...textStyle, margin: '2px 0' } as const;

export default function DailyDigest(props: DailyDigestProps) {
  const { locale, summary } = props;
  const t = emailTranslator(locale);
  const { timeZone } = summary;
  // Noon of the day names it unambiguously whatever the zone's offset.
  const day = formatDay(`${summary.day}T12:00:00Z`, locale, 'UTC');
  const heading = t('dailyDigest.heading', { day });
  const name = (item: { resourceZh: string; resourceEn: string }) => (locale === 'zh' ? item.resourceZh : item.resourceEn || item.resourceZh);
  return (
    <EmailLayout locale={locale} t={t} preview={heading} heading={heading} recipientName={props.recipientName}>
      <Paragraph>{t('dailyDigest.intro')}</Paragraph>

      <Heading as="h2" style={sectionHeading}>
        {t('dailyDigest.todayHeading')}
      </Heading>
      {summary.resources.length === 0 && <Paragraph>{t('dailyDigest.noBookings')}</Paragraph>}
      {summary.resources.map((resource) => (
        <Section key={resource.code}>
          <Text style={{ ...rowStyle, fontWeight: 600, marginTop: '10px' }}>
            {locale === 'zh' ? resource.nameZh : resource.nameEn || resource.nameZh} · {t('dailyDigest.count', { count: resource.bookings.length })}
          </Text>
          {resource.bookings.map((b) => (
            <Text key={b.reference} style={rowStyle}>
              {formatClockRange(b.startAt, b.endAt, timeZone)} {b.reference} · {b.contactName} · {t(`dailyDigest.status.${b.status}`)}
            </Text>
          ))}
        </Section>
      ))}
      {summary.moreBookings && <Paragraph>{t('dailyDigest.more')}</Paragraph>}

      <Heading as="h2" style={sectionHeading}>
        {t('dailyDigest.pendingHeading', { count: summary.pendingCount })}
      </Heading>
      <ItemList items={summary.pending} empty={t('dailyDigest.noPending')} t={t} locale={locale} timeZone={timeZone} name={name} />

      <Heading as="h2" style={sectionHeading}>
        {t('dailyDigest.overdueHeading', { count: summary.overdue.length })}
      </Heading>
      <ItemList items={summary.overdue} empty={t('dailyDigest.noOverdue')} t={t} locale={locale} timeZone={timeZone} name={name} />

      <Section style={{ marginTop: '20px' }}>
        <ActionButton href={props.links.review}>{t('dailyDigest.review')}</ActionButton>
        <ActionButton href={props.links.calendar} variant="secondary">
          {t('dailyDigest.calendar')}
        </ActionButton>
      </Section>
      <Paragraph>{t('dailyDigest.optOut')}</Paragraph>
    </EmailLayout>
  );
}

function ItemList(props: {
  items: (DigestItem & { reason?: 'undecided' | 'not_checked_out' })[];
  empty: string;
  t: EmailT;
  locale: EmailLocale;
  timeZone: string;
  name: (item: DigestItem) => string;
}) {
  const { t, locale, timeZone } = props;
  if (props.items.length === 0) return <Paragraph>{props.empty}</Paragraph>;
  return (
    <Section>
      {props.items.map((item) => (
        <Text key={item.reference} style={rowStyle}>
          {item.reference} · {props.name(item)} · {formatSlot(item.startAt, item.endAt, locale, timeZone)}
          {item.reason && ` · ${t(`dailyDigest.reason.${item.reason}`)}`}
        </Text>
      ))}
    </Section>
  );
}

DailyDigest.PreviewProps = {
  locale: 'zh',
  recipientName: '王行政',
  summary: {
    day: '2026-12-01',
    timeZone: 'Asia/Shanghai',
    resources: [
      {
        code: 'MR-301',
        nameZh: '301 会议室',
        nameEn: 'Meeting room 301',
        bookings: [
          {
            reference: 'BK-2026-000123',
            resourceZh: '301 会议室',
            resourceEn: 'Meeting room 301',
            startAt: '2026-12-01T01:30:00.000Z',
            endAt: '2026-12-01T03:30:00.000Z',
            status: 'confirmed',
            contactName: '张销售',
          },
        ],
      },
    ],
    moreBookings: false,
    pendingCount: 2,
    pending: [
      {
        reference: 'BK-2026-000130',
        resourceZh: '产品展厅',
        resourceEn: 'Product showroom',
        startAt: '2026-12-03T06:00:00.000Z',
        endAt: '2026-12-03T08:00:00.000Z',
        status: 'pending',
      },
    ],
    overdue: [
      {
        reference: 'BK-2026-000118',
        resourceZh: '样品库',
        resourceEn: 'Sample warehouse',
        startAt: '2026-11-30T06:00:00.000Z',
        endAt: '2026-11-30T07:00:00.000Z',
        status: 'in_use',
        reason: 'not_checked_out',
      },
    ],
  },
  links: { review: 'http://localhost:3000/admin/review', calendar: 'http://localhost:3000/calendar' },
} satisfies DailyDigestProps;
