import { Link } from '@react-email/components';
import { ActionButton } from './components/action-button';
import { DetailTable } from './components/detail-table';
import { emailTranslator } from './components/i18n';
import { EmailLayout, Paragraph } from './components/layout';
import type { EmailLocale } from './components/locale';

/** A rectification item (整改) for the owner department: newly assigned to it, or overdue. Not about a booking. */
export interface RectificationProps {
  locale: EmailLocale;
  recipientName: string;
  reason: 'assigned' | 'overdue';
  item: {
    title: string;
    description: string;
    department: string;
    resource: string | null;
    /** YYYY-MM-DD in the organisation's zone. */
    dueDate: string;
  };
  links: { view: string };
}

export default function Rectification(props: RectificationProps) {
  const t = emailTranslator(props.locale);
  const heading = t(`rectification.heading.${props.reason}`);
  const { item } = props;
  return (
    <EmailLayout locale={props.locale} t={t} preview={`${heading}: ${item.title}`} heading={heading} recipientName={props.recipientName}>
      <Paragraph>{t(`rectification.body.${props.reason}`, { department: item.department, dueDate: item.dueDate })}</Paragraph>
      <DetailTable
        rows={[
          [t('rectification.title'), item.title],
          [t('rectification.resource'), item.resource],
          [t('rectification.dueDate'), item.dueDate],
          [t('rectification.description'), item.description],
        ]}
      />
      <ActionButton href={props.links.view}>{t('rectification.action')}</ActionButton>
      <Paragraph>
        {t('rectification.fallback')} <Link href={props.links.view}>{props.links.view}</Link>
      </Paragraph>
    </EmailLayout>
  );
}

Rectification.PreviewProps = {
  locale: 'zh',
  recipientName: '李工',
  reason: 'assigned',
  item: {
    title: '301 会议室投影仪偏色',
    description: '客户反映投影画面偏黄，请检修或更换灯泡。',
    department: '技术部',
    resource: '301 会议室 (MR-301)',
    dueDate: '2026-12-10',
  },
  links: { view: 'http://localhost:3000/rectifications/00000000-0000-4000-8000-000000000000' },
} satisfies RectificationProps;
