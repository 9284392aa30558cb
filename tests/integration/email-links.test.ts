/**
 * The link page behind the approval e-mail's buttons, through its server action: loading it
 * (GET or HEAD) changes nothing and leaves the token unused; the button's POST confirms or
 * declines once and goes back to the link, which then shows the booking's new status as a used
 * link; a used, expired, unknown or foreign token gets a clear answer in the page's language.
 */
import { eq } from 'drizzle-orm';
import { getURLFromRedirectError } from 'next/dist/client/components/redirect';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { beforeAll, describe, expect, it } from 'vitest';
import { respondByLinkAction } from '@/app/actions/booking-link';
import { actionTokens, emailOutbox, type Booking } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { linkState, loadLinkPage } from '@/lib/booking/booking-link';
import { approveBooking } from '@/lib/booking/review';
import { fillLinkTokens, hashToken, issueToken } from '@/lib/tokens';
import { loadActors, resourceByCode, seedBooking, slot, snapshot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();
let actors: Record<Who, UserActor>;
let day = 1;

beforeAll(async () => {
  // The server action opens the app's database: point it at this file's test database.
  process.env.DATABASE_URL = handle().url;
  actors = await loadActors(db());
});

/** Approves a new booking and returns it with the token of its approval e-mail's buttons. */
async function approvedWithToken(requester?: UserActor): Promise<{ booking: Booking; token: string }> {
  const resource = await resourceByCode(db(), 'SR-101');
  const seeded = await seedBooking(db(), { resourceId: resource.id, requester, ...slot(`2030-06-${String(day++).padStart(2, '0')}`, '10:00', '11:00') });
  // Approved "now" (the real clock), so the deadline is still ahead for the server action.
  const booking = await approveBooking(db(), actors.admin, { bookingId: seeded.id, opinion: '同意' });
  const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, booking.id));
  const confirmUrl = fillLinkTokens((mail.payload as { links: { confirm: string } }).links.confirm);
  return { booking, token: /\/r\/([^?]+)/.exec(confirmUrl)![1] };
}

const tokenRow = async (token: string) =>
  (await db().select().from(actionTokens).where(eq(actionTokens.tokenHash, hashToken(token))))[0];

/** The button's POST: where a success redirects to, or the refusal. */
async function press(token: string, decision: string, extra: { reason?: string; pageLocale?: string } = {}) {
  const form = new FormData();
  form.set('token', token);
  form.set('path', 'r');
  form.set('decision', decision);
  if (extra.reason) form.set('reason', extra.reason);
  if (extra.pageLocale) form.set('pageLocale', extra.pageLocale);
  try {
    return await respondByLinkAction(null, form);
  } catch (error) {
    if (isRedirectError(error)) return { redirectedTo: getURLFromRedirectError(error) };
    throw error;
  }
}

describe('the link page behind the approval buttons', () => {
  it('GET and HEAD only show: nothing changes and the token stays unused', async () => {
    const { booking, token } = await approvedWithToken(actors.staff);
    const before = await snapshot(db(), booking.id);

    const view = await loadLinkPage(db(), token);
    await loadLinkPage(db(), token); // a mail scanner, a preview, the HEAD request
    await linkState(db(), token);
    expect(view).toMatchObject({
      state: 'open',
      purpose: 'respond',
      applicant: 'staff',
      locale: 'zh',
      reference: booking.reference,
      status: 'awaiting_confirmation',
      timeZone: 'Asia/Shanghai',
      details: { reviewOpinion: '同意' },
      actions: { confirm: true, decline: true, cancel: false },
    });
    expect(view?.resource.notesZh).toContain('平底鞋');
    expect(view?.confirmDeadline?.toISOString()).toBe(booking.confirmDeadline?.toISOString());

    expect(await snapshot(db(), booking.id)).toEqual(before);
    expect((await tokenRow(token)).usedAt).toBeNull();
  });

  it("confirms once on the button's POST and goes back to the link, now used and showing the new status", async () => {
    const { booking, token } = await approvedWithToken(actors.staff);
    expect(await press(token, 'confirm')).toEqual({ redirectedTo: `/r/${token}?done=confirmed` });
    expect((await snapshot(db(), booking.id)).booking.status).toBe('confirmed');
    expect((await tokenRow(token)).usedAt).not.toBeNull();

    expect(await linkState(db(), token)).toBe('used');
    expect(await loadLinkPage(db(), token)).toMatchObject({
      state: 'used',
      status: 'confirmed',
      details: null,
      actions: { confirm: false, decline: false, cancel: false },
    });
    const again = await press(token, 'decline', { pageLocale: 'en' });
    expect(again).toMatchObject({ ok: false, code: 'token_invalid', message: 'This link has expired, has already been used, or is for another booking.' });
    expect((await snapshot(db(), booking.id)).booking.status).toBe('confirmed');
  });

  it('declines a customer booking with a reason', async () => {
    const { booking, token } = await approvedWithToken();
    expect(await press(token, 'decline', { reason: 'Plans changed' })).toEqual({ redirectedTo: `/r/${token}?done=declined` });
    expect((await snapshot(db(), booking.id)).booking).toMatchObject({ status: 'cancelled', statusReason: 'Plans changed' });
  });

  it('an expired link says so and changes nothing', async () => {
    const { booking, token } = await approvedWithToken(actors.staff);
    const afterDeadline = new Date(booking.confirmDeadline!.getTime() + 1000);
    expect(await linkState(db(), token, afterDeadline)).toBe('expired');
    expect(await loadLinkPage(db(), token, { now: afterDeadline })).toMatchObject({ state: 'expired', status: 'awaiting_confirmation' });
    await db().update(actionTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(actionTokens.tokenHash, hashToken(token)));
    expect(await press(token, 'confirm', { pageLocale: 'zh' })).toEqual({
      ok: false,
      code: 'token_invalid',
      message: '此链接已失效、已被使用，或不属于这条预约。',
      values: { token, path: 'r', decision: 'confirm', pageLocale: 'zh' },
    });
    expect((await snapshot(db(), booking.id)).booking.status).toBe('awaiting_confirmation');
  });

  it('an unknown or malformed token is no link; a manage token for a staff booking neither', async () => {
    const { booking } = await approvedWithToken(actors.staff);
    for (const token of ['not-a-token', 'A'.repeat(43), '../../etc/passwd']) {
      expect(await loadLinkPage(db(), token)).toBeNull();
      expect(await linkState(db(), token)).toBe('unknown');
    }
    // Staff manage their bookings in the portal: a "manage" token for one is no link.
    const manage = await issueToken(db(), { bookingId: booking.id, purpose: 'manage', expiresAt: booking.endAt });
    expect(await linkState(db(), manage)).toBe('unknown');
    expect(await press(manage, 'confirm')).toMatchObject({ ok: false, code: 'token_invalid' });
    expect(await press('garbage', 'confirm')).toMatchObject({ ok: false, code: 'token_invalid' });
    expect((await snapshot(db(), booking.id)).booking.status).toBe('awaiting_confirmation');
  });

  it('a tampered form is refused with a field message, without a change', async () => {
    const { booking, token } = await approvedWithToken(actors.staff);
    expect(await press(token, 'delete', { pageLocale: 'zh' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: '提交的内容有误，请检查标出的字段。',
      fieldErrors: { decision: ['请选择一个有效的选项。'] },
    });
    expect((await tokenRow(token)).usedAt).toBeNull();
    expect((await snapshot(db(), booking.id)).booking.status).toBe('awaiting_confirmation');
  });
});
