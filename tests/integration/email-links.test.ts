/**
 * The respond page behind the approval e-mail's buttons: loading it (GET or HEAD) changes
 * nothing and leaves the token unused; the button's POST confirms or declines once; a used,
 * expired, unknown or foreign token gets a clear answer.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { respondAction } from '@/app/(links)/r/[token]/actions';
import { actionTokens, emailOutbox, type Booking } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { approveBooking } from '@/lib/booking/review';
import { loadRespondPage } from '@/lib/booking/respond-link';
import { hashToken, issueToken } from '@/lib/tokens';
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
  const confirmUrl = (mail.payload as { links: { confirm: string } }).links.confirm;
  return { booking, token: /\/r\/([^?]+)/.exec(confirmUrl)![1] };
}

const tokenRow = async (token: string) =>
  (await db().select().from(actionTokens).where(eq(actionTokens.tokenHash, hashToken(token))))[0];

const form = (decision: string, reason?: string) => {
  const data = new FormData();
  data.set('decision', decision);
  if (reason) data.set('reason', reason);
  return data;
};

describe('respond page', () => {
  it('GET and HEAD only show: nothing changes and the token stays unused', async () => {
    const { booking, token } = await approvedWithToken(actors.staff);
    const before = await snapshot(db(), booking.id);

    const view = await loadRespondPage(db(), token);
    await loadRespondPage(db(), token); // a mail scanner, a preview, the HEAD request
    expect(view).toMatchObject({
      state: 'open',
      applicantLocale: 'zh',
      booking: { reference: booking.reference, status: 'awaiting_confirmation', opinion: '同意', timeZone: 'Asia/Shanghai' },
    });
    if (view.state !== 'invalid') {
      expect(view.booking.resource.notesZh).toContain('平底鞋');
      expect(view.booking.deadline?.toISOString()).toBe(booking.confirmDeadline?.toISOString());
    }

    expect(await snapshot(db(), booking.id)).toEqual(before);
    expect((await tokenRow(token)).usedAt).toBeNull();
  });

  it("confirms once on the button's POST; the link is then used", async () => {
    const { booking, token } = await approvedWithToken(actors.staff);
    expect(await respondAction(token, 'zh', null, form('confirm'))).toEqual({ ok: true, result: 'confirmed' });
    expect((await snapshot(db(), booking.id)).booking.status).toBe('confirmed');
    expect((await tokenRow(token)).usedAt).not.toBeNull();

    expect(await loadRespondPage(db(), token)).toEqual({ state: 'invalid', reason: 'used' });
    const again = await respondAction(token, 'en', null, form('decline'));
    expect(again).toMatchObject({ ok: false });
    expect((await snapshot(db(), booking.id)).booking.status).toBe('confirmed');
  });

  it('declines a customer booking with a reason', async () => {
    const { booking, token } = await approvedWithToken();
    expect(await respondAction(token, 'en', null, form('decline', 'Plans changed'))).toEqual({ ok: true, result: 'declined' });
    expect((await snapshot(db(), booking.id)).booking).toMatchObject({ status: 'cancelled', statusReason: 'declined' });
  });

  it('an expired link says so and changes nothing', async () => {
    const { booking, token } = await approvedWithToken(actors.staff);
    const afterDeadline = new Date(booking.confirmDeadline!.getTime() + 1000);
    expect(await loadRespondPage(db(), token, afterDeadline)).toEqual({ state: 'invalid', reason: 'expired' });
    await db().update(actionTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(actionTokens.tokenHash, hashToken(token)));
    const result = await respondAction(token, 'zh', null, form('confirm'));
    expect(result).toEqual({ ok: false, message: '此链接已失效、已被使用，或不属于这条预约。' });
    expect((await snapshot(db(), booking.id)).booking.status).toBe('awaiting_confirmation');
  });

  it('an unknown, malformed or foreign token gets the clear answer', async () => {
    const { booking } = await approvedWithToken(actors.staff);
    expect(await loadRespondPage(db(), 'not-a-token')).toEqual({ state: 'invalid', reason: 'unknown' });
    expect(await loadRespondPage(db(), 'A'.repeat(43))).toEqual({ state: 'invalid', reason: 'unknown' });
    expect(await loadRespondPage(db(), '../../etc/passwd')).toEqual({ state: 'invalid', reason: 'unknown' });

    // A link of another purpose (a customer's "manage" link) is not a respond link.
    const manage = await issueToken(db(), { bookingId: booking.id, purpose: 'manage', expiresAt: booking.endAt });
    expect(await loadRespondPage(db(), manage)).toEqual({ state: 'invalid', reason: 'unknown' });
    expect(await respondAction(manage, 'en', null, form('confirm'))).toMatchObject({ ok: false });
    expect(await respondAction('garbage', 'en', null, form('confirm'))).toMatchObject({ ok: false });
    expect((await snapshot(db(), booking.id)).booking.status).toBe('awaiting_confirmation');
  });

  it('a tampered form is refused without a change', async () => {
    const { booking, token } = await approvedWithToken(actors.staff);
    expect(await respondAction(token, 'zh', null, form('delete'))).toEqual({ ok: false, message: '提交的内容有误，请检查标出的字段。' });
    expect((await tokenRow(token)).usedAt).toBeNull();
    expect((await snapshot(db(), booking.id)).booking.status).toBe('awaiting_confirmation');
  });
});
