import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { emailLocaleTags, type EmailLocale } from './locale';
import type { EmailT } from './i18n';

const styles = {
  body: {
    backgroundColor: '#f4f5f7',
    fontFamily: '"PingFang SC","Microsoft YaHei","Helvetica Neue",Arial,sans-serif',
    margin: 0,
    padding: '24px 0',
  },
  container: { backgroundColor: '#ffffff', borderRadius: '8px', maxWidth: '600px', padding: '24px 32px' },
  product: { color: '#64748b', fontSize: '13px', letterSpacing: '0.05em', margin: 0 },
  heading: { color: '#0f172a', fontSize: '22px', margin: '8px 0 16px' },
  footer: { color: '#94a3b8', fontSize: '12px', lineHeight: '18px' },
} as const;

export const textStyle = { color: '#1e293b', fontSize: '15px', lineHeight: '24px' } as const;

/** The frame of every e-mail: product name, heading, greeting, content, footer. */
export function EmailLayout(props: {
  locale: EmailLocale;
  t: EmailT;
  preview: string;
  heading: string;
  recipientName: string;
  children: ReactNode;
}) {
  const { locale, t } = props;
  return (
    <Html lang={emailLocaleTags[locale]}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.product}>{t('layout.product')}</Text>
          <Heading as="h1" style={styles.heading}>
            {props.heading}
          </Heading>
          <Text style={textStyle}>{t('layout.greeting', { name: props.recipientName })}</Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={styles.footer}>{t('layout.footer')}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A paragraph of body text. */
export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={textStyle}>{children}</Text>;
}
