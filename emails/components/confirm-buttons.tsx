import { Link, Section, Text } from '@react-email/components';
import { ActionButton } from './action-button';
import type { EmailT } from './i18n';
import { textStyle } from './layout';

export type ConfirmLinks = { view: string; confirm: string; decline: string };

/** Confirm / Decline buttons (they open the respond page; nothing changes until its button is pressed) and the reply hint. */
export function ConfirmButtons({ t, links }: { t: EmailT; links: ConfirmLinks }) {
  return (
    <Section>
      {/* One block each, so the plain-text version puts each link on its own line. */}
      <Section>
        <ActionButton href={links.confirm}>{t('approved.confirm')}</ActionButton>
      </Section>
      <Section>
        <ActionButton href={links.decline} variant="secondary">
          {t('approved.decline')}
        </ActionButton>
      </Section>
      <Text style={textStyle}>{t('approved.replyHint')}</Text>
      <Text style={{ ...textStyle, fontSize: '13px' }}>
        <Link href={links.view}>{t('approved.viewBooking')}</Link>
      </Text>
    </Section>
  );
}
