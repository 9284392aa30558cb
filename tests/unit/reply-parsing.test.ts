/** Reading the decision out of a reply: quoted history and signatures ignored, unclear replies left to a person. */
import { describe, expect, it } from 'vitest';
import { readDecision, visibleReply } from '@/lib/inbound/reply-parsing';

const ORIGINAL_ZH = '> 您的预约已通过审核。\n> 或直接回复本邮件“确认”（放弃请回复“取消”）。';
const ORIGINAL_EN = '> Your booking has been approved.\n> Or simply reply "confirm" to this e-mail (or "decline" to give it up).';

describe('readDecision', () => {
  it.each([
    ['确认'],
    ['確認'],
    ['确定'],
    ['同意'],
    ['确认，谢谢！'],
    ['Confirm'],
    ['CONFIRMED.'],
    ['yes'],
    ['Yes, thanks'],
    ['ＹＥＳ'],
    ['没问题，确认'],
    ['No problem, confirmed'],
    ['您好，\n\n确认参加。\n谢谢'],
    ['Hi,\nconfirm\nBest, John'],
  ])('confirms on %j', (text) => {
    expect(readDecision(text).decision).toBe('confirm');
  });

  it.each([['取消'], ['拒绝'], ['放弃'], ['decline'], ['No'], ['no thanks'], ['Cancel please']])('declines on %j', (text) => {
    expect(readDecision(text).decision).toBe('decline');
  });

  it.each([
    ['能否改到下午？'],
    ['Can we move it to 3pm?'],
    ['Yes, but can we move it to 3pm?'],
    ['确认取消'],
    ['确定不去了'],
    ['不确认'],
    ['I do not confirm'],
    ['Thanks!'],
    ['yesterday was fine'],
    ['nothing to add'],
    [''],
    ['   \n\n  '],
  ])('leaves %j to a person', (text) => {
    expect(readDecision(text).decision).toBeNull();
  });

  it('ignores a Chinese client quote header and the quoted mail below it', () => {
    const reply = `确认\n\n在 2026年11月25日 10:00，资源预约 <booking@example.com> 写道：\n${ORIGINAL_ZH}`;
    expect(readDecision(reply)).toEqual({ decision: 'confirm', excerpt: '确认' });
  });

  it('ignores a Chinese header wrapped over two lines', () => {
    const reply = `取消\n\n在 2026年11月25日 星期三 上午10:00，资源预约 <booking@example.com>\n写道：\n${ORIGINAL_ZH}`;
    expect(readDecision(reply)).toEqual({ decision: 'decline', excerpt: '取消' });
  });

  it('ignores a Gmail-style Chinese header ("…于…写道：")', () => {
    const reply = `同意\n\n资源预约 <booking@example.com> 于2026年11月25日周三 10:00写道：\n${ORIGINAL_ZH}`;
    expect(readDecision(reply).decision).toBe('confirm');
  });

  it('ignores "On … wrote:", also when the header wraps', () => {
    expect(readDecision(`No\n\nOn Tue, Nov 25, 2026 at 10:00 AM 资源预约 <booking@example.com> wrote:\n${ORIGINAL_EN}`).decision).toBe(
      'decline',
    );
    expect(
      readDecision(`Yes\n\nOn Tue, 25 Nov 2026 at 10:00, 资源预约 <\nbooking@example.com> wrote:\n${ORIGINAL_EN}`).decision,
    ).toBe('confirm');
  });

  it('ignores a -----原始邮件----- block whose text holds the other word', () => {
    const reply = '取消\n\n-----原始邮件-----\n发件人: 资源预约 <booking@example.com>\n发送时间: 2026年11月25日 10:00\n主题: 预约已批准\n\n请回复确认';
    expect(readDecision(reply)).toEqual({ decision: 'decline', excerpt: '取消' });
  });

  it('ignores an Outlook From:/Sent: block, with or without the rule line', () => {
    const block = 'From: 资源预约 <booking@example.com>\nSent: Tuesday, November 25, 2026 10:00 AM\nTo: staff@example.com\nSubject: Approved\n\nPlease confirm';
    expect(readDecision(`No\n\n${block}`).decision).toBe('decline');
    expect(readDecision(`decline\n\n________________________________\n${block}`).decision).toBe('decline');
    expect(readDecision(`确认\n\n发件人: 资源预约 <booking@example.com>\n发送时间: 2026年11月25日\n收件人: staff@example.com\n\n取消`).decision).toBe(
      'confirm',
    );
  });

  it('reads a reply written below the quote', () => {
    expect(readDecision(`${ORIGINAL_ZH}\n\n确认`).decision).toBe('confirm');
  });

  it('drops signatures from the excerpt', () => {
    expect(readDecision('确认\n\n发自我的iPhone')).toEqual({ decision: 'confirm', excerpt: '确认' });
    expect(readDecision('yes\n-- \nJohn Smith\nSales')).toEqual({ decision: 'confirm', excerpt: 'yes' });
    expect(readDecision('ok\n\nSent from my iPhone').excerpt).toBe('ok');
  });

  it('keeps what an unclear reply says, without the history, for admin', () => {
    const { decision, excerpt } = readDecision(`能否改到下午三点？\n谢谢\n\n在 2026年11月25日 10:00，资源预约 写道：\n${ORIGINAL_ZH}`);
    expect(decision).toBeNull();
    expect(excerpt).toBe('能否改到下午三点？\n谢谢');
  });
});

describe('visibleReply', () => {
  it('handles CRLF line ends', () => {
    expect(visibleReply('confirm\r\n\r\n> old\r\n> text')).toBe('confirm');
  });
});
