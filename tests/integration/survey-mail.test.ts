/**
 * The follow-up survey end to end: the job's mail reaches a real SMTP server once, in the
 * customer's language, with a link that opens the survey; the link's form and the public API
 * answer once, and refuse bad scores with field messages in the caller's language (422), a used
 * or unknown link with 410.
 */
import { eq } from 'drizzle-orm';
import { getURLFromRedirectError } from 'next/dist/client/components/redirect';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/public/surveys/[token]/route';
import { answerSurveyByLinkAction } from '@/app/actions/survey';
import { bookings, surveys, type Booking } from '@/db/schema';
import { deliverOutbox } from '@/lib/mail/deliver';
import { loadSurveyLink } from '@/lib/surveys/answer';
import { sendFollowUpSurveys } from '@/lib/surveys/send';
import { resourceByCode, seedBooking } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { untranslatedIn } from '../helpers/untranslated';

const { db, handle } = useTestDb();
let smtp: TestSmtpServer;
const HOUR = 3_600_000;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = 'http://booking.test';
  // The route handler and the server action open the app's database: this file's test database.
  process.env.DATABASE_URL = handle().url;
});

afterAll(async () => {
  await smtp.close();
});

let hour = 0;

/** A customer's showroom visit that ended three hours ago (the real clock: the handlers run "now"). */
async function visited(locale: 'zh' | 'en', email: string): Promise<Booking> {
  const showroom = await resourceByCode(db(), 'SR-101');
  const end = new Date(Date.now() - 3 * HOUR - hour++ * 2 * HOUR);
  const booking = await seedBooking(db(), { resourceId: showroom.id, startAt: new Date(end.getTime() - HOUR), endAt: end, status: 'completed' });
  const [row] = await db().update(bookings).set({ locale, contactEmail: email }).where(eq(bookings.id, booking.id)).returning();
  return row;
}

/** Runs the job and the delivery; the survey link of the mail that reached `email`. */
async function surveyLinkFor(email: string): Promise<{ link: string; token: string; subject: string; text: string }> {
  await sendFollowUpSurveys(db());
  await deliverOutbox(db());
  const received = smtp.received.filter((r) => r.to.includes(email));
  expect(received).toHaveLength(1);
  const { mail } = received[0];
  const text = mail.text ?? '';
  const link = /http:\/\/booking\.test\/s\/[A-Za-z0-9_-]+/.exec(text)![0];
  return { link, token: link.split('/').pop()!, subject: mail.subject ?? '', text };
}

const post = (token: string, body: unknown, locale?: string) =>
  POST(
    new Request(`http://booking.test/api/v1/public/surveys/${token}${locale ? `?locale=${locale}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ token }) },
  );

const answer = { overall: 5, condition: 4, service: 5, comment: 'Great showroom', mayContact: false };

describe('the survey mail', () => {
  it('reaches an English-speaking customer once, in English, with a link that opens the survey', async () => {
    const booking = await visited('en', 'survey-en@customer.example.com');
    const { link, token, subject, text } = await surveyLinkFor('survey-en@customer.example.com');
    expect(subject).toBe(`How was your visit? ${booking.reference} (Product Showroom)`);
    expect(text).toContain('Answer the survey');
    expect(text).toContain('14 days');
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    expect(await loadSurveyLink(db(), token)).toMatchObject({ reference: booking.reference, locale: 'en' });

    // A second run and delivery send nothing more.
    await sendFollowUpSurveys(db());
    await deliverOutbox(db());
    expect(smtp.received.filter((r) => r.to.includes('survey-en@customer.example.com'))).toHaveLength(1);
  });

  it('reaches a Chinese-speaking customer in Chinese, and its form answers once', async () => {
    const booking = await visited('zh', 'survey-zh@customer.example.com');
    const { token, subject, text } = await surveyLinkFor('survey-zh@customer.example.com');
    expect(subject).toContain('您的到访体验如何');
    expect(subject).toContain(booking.reference);
    expect(untranslatedIn(text)).toEqual([]);

    const form = new FormData();
    form.set('token', token);
    form.set('overall', '2');
    form.set('condition', '1');
    form.set('service', '3');
    form.set('comment', '展厅灯光太暗');
    form.set('mayContact', 'on');
    // Unanswered questions send no field: each is named, in the page's language.
    const partial = new FormData();
    partial.set('token', token);
    partial.set('overall', '5');
    partial.set('pageLocale', 'en');
    expect(await answerSurveyByLinkAction(null, partial)).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fieldErrors: { condition: ['Choose a score from 1 to 5.'], service: ['Choose a score from 1 to 5.'] },
      values: { overall: '5' },
    });

    const outcome = await answerSurveyByLinkAction(null, form).catch((error: unknown) => {
      if (isRedirectError(error)) return { redirectedTo: getURLFromRedirectError(error) };
      throw error;
    });
    expect(outcome).toEqual({ redirectedTo: `/s/${token}?done=1` });
    const [row] = await db().select().from(surveys).where(eq(surveys.bookingId, booking.id));
    expect(row).toMatchObject({ overall: 2, condition: 1, service: 3, comment: '展厅灯光太暗', mayContact: true });

    const again = await answerSurveyByLinkAction(null, form);
    expect(again).toMatchObject({ ok: false, code: 'token_invalid' });
  });
});

describe('POST /api/v1/public/surveys/{token}', () => {
  it('refuses scores outside 1–5 with field messages in the caller’s language (422), then answers once (200, then 410)', async () => {
    await visited('zh', 'survey-api@customer.example.com');
    const { token } = await surveyLinkFor('survey-api@customer.example.com');

    const zh = await post(token, { ...answer, overall: 6, service: 0 });
    expect(zh.status).toBe(422);
    const zhBody = await zh.json();
    expect(zhBody.error.code).toBe('invalid_input');
    expect(zhBody.error.fields).toEqual({ overall: ['请选择 1 到 5 分。'], service: ['请选择 1 到 5 分。'] });

    const en = await post(token, { overall: 3, condition: 'good', service: 3 }, 'en');
    expect(en.status).toBe(422);
    expect((await en.json()).error.fields).toEqual({ condition: ['Choose a score from 1 to 5.'], mayContact: ['Say whether we may contact you.'] });

    const ok = await post(token, answer);
    expect(ok.status).toBe(200);
    expect(new Date((await ok.json()).answeredAt).getTime()).toBeLessThanOrEqual(Date.now());

    const used = await post(token, answer, 'en');
    expect(used.status).toBe(410);
    expect((await used.json()).error.code).toBe('token_invalid');
    expect((await post('B'.repeat(43), answer)).status).toBe(410);
  });
});
