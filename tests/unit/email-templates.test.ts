/** Every e-mail template renders in both languages, with every text present and times in the org zone. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates, type TemplateName } from '@/emails';
import Approved from '@/emails/approved';
import DailyDigest from '@/emails/daily-digest';
import { renderEmail } from '@/lib/mail/render';
import { untranslatedIn } from '../helpers/untranslated';

const NAMESPACES = ['email', 'link', 'outbox', 'devMailbox', 'channels', 'digest'];

function keys(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const read = (locale: string, ns: string) => JSON.parse(readFileSync(join(process.cwd(), 'messages', locale, `${ns}.json`), 'utf8'));

describe('mail message files', () => {
  it.each(NAMESPACES)('%s has the same keys in Chinese and English', (ns) => {
    expect(keys(read('en', ns)).sort()).toEqual(keys(read('zh', ns)).sort());
  });
});

/** Account mails, the morning digest and rectification mails are about no one booking; they have their own tests below. */
const ACCOUNT_TEMPLATES: TemplateName[] = ['password-link', 'daily-digest', 'rectification'];
const names = (Object.keys(templates) as TemplateName[]).filter((name) => !ACCOUNT_TEMPLATES.includes(name));

/** A template's preview props as the outbox stores them: without the locale (the row has it). */
const payloadOf = (props: object): Record<string, unknown> => Object.fromEntries(Object.entries(props).filter(([key]) => key !== 'locale'));
// next-intl answers a missing message with its path, e.g. "email.approved.heading".
const missingKey = /\bemail\.[a-zA-Z]+\.[a-zA-Z]+/;

describe.each(['zh', 'en'] as const)('templates in %s', (locale) => {
  it.each(names)('%s renders subject, HTML and text', async (name) => {
    const { component } = templates[name];
    const payload = payloadOf((component as unknown as { PreviewProps: object }).PreviewProps);
    const mail = await renderEmail({
      template: name,
      locale,
      payload: { ...payload, calendar: { sequence: 3 } },
      toAddress: 'someone@example.com',
      bookingId: '00000000-0000-4000-8000-000000000000',
    });
    const reference = (payload.booking as { reference: string }).reference;
    expect(mail.subject).toContain(reference);
    for (const out of [mail.subject, mail.html, mail.text]) expect(out.match(missingKey)).toBeNull();
    // A Chinese mail shows no message path, code or English phrase.
    if (locale === 'zh') expect(untranslatedIn(`${mail.subject}\n${mail.text}`)).toEqual([]);
    expect(mail.html).toContain(reference);
    expect(mail.text).toContain(reference);
    // The preview slot is 01:30–03:30 UTC on Tuesday 1 December: 09:30–11:30 in Shanghai,
    // whatever the process TZ, with an unambiguous date and the zone named for the reader.
    expect(mail.text).toContain(
      locale === 'zh' ? '2026年12月1日（周二）09:30–11:30（北京时间）' : 'Tue 1 Dec 2026, 09:30–11:30 (China Standard Time)',
    );
    expect(mail.senderName).toBe(locale === 'zh' ? '资源预约' : 'Resource Booking');
    expect(mail.html).toContain(locale === 'zh' ? 'lang="zh-CN"' : 'lang="en"');
    // With `calendar` in the payload: an invitation, or the withdrawal of one.
    const invitation = ['approved', 'confirmed', 'change-approved', 'moved'];
    const withdrawal = ['cancelled', 'declined', 'expired', 'rejected', 'displaced', 'no-show-released'];
    expect(mail.ics?.method).toBe(invitation.includes(name) ? 'REQUEST' : withdrawal.includes(name) ? 'CANCEL' : undefined);
  });
});

describe.each(['zh', 'en'] as const)('the password link mail in %s', (locale) => {
  it.each(['welcome', 'reset'] as const)('%s: subject, heading and the link, no password, no calendar part', async (reason) => {
    const link = 'http://localhost:3000/password/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFG';
    const mail = await renderEmail({
      template: 'password-link',
      locale,
      payload: { recipientName: '张销售', reason, hours: 48, link },
      toAddress: 'someone@example.com',
      bookingId: null,
    });
    expect(mail.subject).toBe(locale === 'zh' ? '设置预约系统的登录密码' : 'Set your password for the booking system');
    for (const out of [mail.subject, mail.html, mail.text]) expect(out.match(missingKey)).toBeNull();
    if (locale === 'zh') expect(untranslatedIn(`${mail.subject}\n${mail.text}`)).toEqual([]);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('48');
    expect(mail.ics).toBeUndefined();
  });
});

describe.each(['zh', 'en'] as const)('the rectification mail in %s', (locale) => {
  it.each(['assigned', 'overdue'] as const)('%s: the title in the subject, the item, the due date and the link', async (reason) => {
    const preview = payloadOf((templates.rectification.component as unknown as { PreviewProps: object }).PreviewProps) as { item: { title: string } };
    const mail = await renderEmail({
      template: 'rectification',
      locale,
      payload: { ...preview, reason, subjectValues: { reason, title: preview.item.title } },
      toAddress: 'someone@example.com',
      bookingId: null,
    });
    const subjects = {
      zh: { assigned: '贵部门有新的整改事项：', overdue: '整改事项已逾期：' },
      en: { assigned: 'Rectification item for your department: ', overdue: 'Rectification item overdue: ' },
    };
    expect(mail.subject).toBe(`${subjects[locale][reason]}${preview.item.title}`);
    for (const out of [mail.subject, mail.html, mail.text]) expect(out.match(missingKey)).toBeNull();
    if (locale === 'zh') expect(untranslatedIn(`${mail.subject}\n${mail.text}`)).toEqual([]);
    expect(mail.text).toContain('2026-12-10');
    expect(mail.text).toContain('/rectifications/00000000-0000-4000-8000-000000000000');
    expect(mail.ics).toBeUndefined();
  });
});

describe('calendar part', () => {
  const bookingId = '00000000-0000-4000-8000-000000000000';
  const cancelledPayload = payloadOf((templates.cancelled.component as unknown as { PreviewProps: object }).PreviewProps);

  it('withdraws the event sent earlier: METHOD:CANCEL, STATUS:CANCELLED, same UID, the SEQUENCE given', async () => {
    const mail = await renderEmail({ template: 'cancelled', locale: 'zh', payload: { ...cancelledPayload, calendar: { sequence: 5 } }, toAddress: 'a@example.com', bookingId });
    const content = mail.ics!.content.replace(/\r\n /g, '');
    expect(content).toContain('METHOD:CANCEL');
    expect(content).toContain('STATUS:CANCELLED');
    expect(content).toContain('SEQUENCE:5');
    expect(content).toMatch(new RegExp(`UID:${bookingId}@`));
  });

  it('has none when no invitation went out (no `calendar` in the payload)', async () => {
    const mail = await renderEmail({ template: 'cancelled', locale: 'en', payload: cancelledPayload, toAddress: 'a@example.com', bookingId });
    expect(mail.ics).toBeUndefined();
  });
});

describe('approval e-mail', () => {
  it('has both buttons, the deadline and the reply line', async () => {
    const payload = payloadOf(Approved.PreviewProps);
    const zh = await renderEmail({ template: 'approved', locale: 'zh', payload, toAddress: 'a@example.com', bookingId: null });
    expect(zh.text).toContain('确认预约 http://localhost:3000/r/preview-token?intent=confirm');
    expect(zh.text).toContain('放弃预约 http://localhost:3000/r/preview-token?intent=decline');
    expect(zh.text).toContain('或直接回复本邮件“确认”');
    expect(zh.text).toContain('审核意见');
    expect(zh.text).toContain('注意事项');
    expect(zh.text).toContain('确认截止时间');
    const en = await renderEmail({ template: 'approved', locale: 'en', payload, toAddress: 'a@example.com', bookingId: null });
    expect(en.text).toContain('Or simply reply "confirm"');
  });
});

describe.each(['zh', 'en'] as const)('the morning digest in %s', (locale) => {
  it('lists the day by resource, the waiting and the overdue, in the organisation\'s zone, with no calendar part', async () => {
    const { summary, links, recipientName } = DailyDigest.PreviewProps;
    const mail = await renderEmail({ template: 'daily-digest', locale, payload: { summary, links, recipientName }, toAddress: 'admin@example.com', bookingId: null });
    expect(mail.subject).toBe(locale === 'zh' ? '每日预约早报' : 'Morning summary of bookings');
    for (const out of [mail.subject, mail.html, mail.text]) expect(out.match(missingKey)).toBeNull();
    if (locale === 'zh') expect(untranslatedIn(`${mail.subject}\n${mail.text}`)).toEqual([]);
    // Headings are upper-cased in the text part: they are checked in the HTML.
    expect(mail.html).toContain(locale === 'zh' ? '2026年12月1日（周二）' : 'Tue 1 Dec 2026');
    // 01:30 UTC is 09:30 in Shanghai, whatever the process TZ.
    expect(mail.text).toContain('09:30–11:30 BK-2026-000123');
    expect(mail.text).toContain(locale === 'zh' ? '301 会议室' : 'Meeting room 301');
    for (const reference of ['BK-2026-000130', 'BK-2026-000118']) expect(mail.text).toContain(reference);
    expect(mail.html).toContain(locale === 'zh' ? '待审批（2）' : 'Waiting for review (2)');
    expect(mail.text).toContain(links.review);
    expect(mail.ics).toBeUndefined();
  });
});
