import { Link } from '@react-email/components';
import { ActionButton } from './components/action-button';
import { emailTranslator } from './components/i18n';
import { EmailLayout, Paragraph } from './components/layout';
import type { EmailLocale } from './components/locale';

/** A link to set one's password: for a new account (`welcome`) or after admin's reset. No password is in the mail. */
export interface PasswordLinkProps {
  locale: EmailLocale;
  recipientName: string;
  reason: 'welcome' | 'reset';
  /** How long the link works. */
  hours: number;
  link: string;
}

export default function PasswordLink(props: PasswordLinkProps) {
  const t = emailTranslator(props.locale);
  const heading = t(`passwordLink.heading.${props.reason}`);
  return (
    <EmailLayout locale={props.locale} t={t} preview={heading} heading={heading} recipientName={props.recipientName}>
      <Paragraph>{t(`passwordLink.body.${props.reason}`, { hours: props.hours })}</Paragraph>
      <ActionButton href={props.link}>{t('passwordLink.action')}</ActionButton>
      <Paragraph>
        {t('passwordLink.fallback')} <Link href={props.link}>{props.link}</Link>
      </Paragraph>
      <Paragraph>{t('passwordLink.ignore')}</Paragraph>
    </EmailLayout>
  );
}

PasswordLink.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  reason: 'welcome',
  hours: 48,
  link: 'http://localhost:3000/password/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFG',
} satisfies PasswordLinkProps;
