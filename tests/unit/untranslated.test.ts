/** The check the Chinese pages and e-mails are held to finds what issue 10 found, and passes clean text. */
import { describe, expect, it } from 'vitest';
import { untranslatedIn } from '../helpers/untranslated';

describe('untranslatedIn', () => {
  it.each([
    '原因：displaced for a customer',
    '其他记录（displaced）',
    '说明: declined',
    '处理结果: ignored (invalid_transition)',
    'staff2@example.com  customer_service',
    '处理记录 history.action.displaced',
  ])('flags %s', (text) => {
    expect(untranslatedIn(text)).not.toEqual([]);
  });

  it('passes Chinese text with references, addresses, links and names', () => {
    const text = '预约 BK-2026-000123 已确认。301 会议室 · 总部 3 楼。查看：https://booking.example.com/bookings/1 · staff@example.com · /book · holidays.csv · Resource Booking · English';
    expect(untranslatedIn(text)).toEqual([]);
  });
});
