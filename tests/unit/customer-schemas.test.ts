/**
 * The customer channel's input rules: phone formats, exactly one e-mail address, trimmed and
 * bounded text, instants with a zone, wrong JSON types — each refused with a message key the
 * `customer` namespace has in both languages. Also the client address behind proxies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizeFields } from '@/lib/api/errors';
import { fieldErrors } from '@/lib/booking/schemas';
import { publicRequestSchema, serviceDeskRequestSchema, V } from '@/lib/customer/schemas';
import { isValidPhone } from '@/lib/validation/fields';

const valid = {
  resourceId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  startAt: '2030-03-12T10:00:00+08:00',
  endAt: '2030-03-12T11:00:00+08:00',
  name: '  刘女士 ',
  phone: '139 1234 5678',
  email: ' Liu@Customer.Example.COM ',
  company: '苏州新居装饰工程有限公司',
  visitors: 5,
  specialNeeds: '需要讲解员',
};

function errorsOf(input: unknown): Record<string, string[]> {
  const result = publicRequestSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe('publicRequestSchema', () => {
  it('accepts a complete request, trimmed, the e-mail lower-cased', () => {
    const parsed = publicRequestSchema.parse(valid);
    expect(parsed).toMatchObject({ name: '刘女士', email: 'liu@customer.example.com', visitors: 5 });
    expect(parsed.startAt.toISOString()).toBe('2030-03-12T02:00:00.000Z');
  });

  it.each([
    ['13800138000'],
    ['138 0013 8000'],
    ['138-0013-8000'],
    ['021-58880000'],
    ['021-5888 0000'],
    ['0512 6888 1234'],
    ['010-12345678 转 123'],
    ['021-58880000 ext. 12'],
    ['+852 2123 4567'],
    ['+1 (415) 555-0100'],
  ])('accepts the phone %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true);
    expect(errorsOf({ ...valid, phone })).toEqual({});
  });

  it.each([
    ['12345678901'],
    ['1381234567'],
    ['5888 0000'],
    ['+12345'],
    ['phone me'],
    ['021-5888'],
    ['+86 138 0013 8000 0000 0000'],
  ])('refuses the phone %s', (phone) => {
    expect(errorsOf({ ...valid, phone }).phone).toEqual([V.invalid_phone]);
  });

  it.each([
    ['a@b.com\r\nBcc: x@evil.example'],
    ['a@b.com\n'],
    ['a@b.com, c@d.com'],
    ['a@b.com;c@d.com'],
    ['刘 <a@b.com>'],
    ['not-an-address'],
    [`${'a'.repeat(250)}@b.com`],
  ])('refuses the e-mail %j: exactly one address, no line breaks', (email) => {
    const errors = errorsOf({ ...valid, email }).email;
    expect(errors?.length).toBe(1);
    expect([V.invalid_email, V.too_long]).toContain(errors?.[0]);
  });

  it('limits every text and refuses control characters and line breaks in single-line fields', () => {
    expect(errorsOf({ ...valid, name: 'x'.repeat(61) }).name).toEqual([V.too_long]);
    expect(errorsOf({ ...valid, company: 'x'.repeat(101) }).company).toEqual([V.too_long]);
    expect(errorsOf({ ...valid, specialNeeds: 'x'.repeat(1001) }).specialNeeds).toEqual([V.too_long]);
    expect(errorsOf({ ...valid, name: '刘\n女士' }).name).toEqual([V.invalid_text]);
    expect(errorsOf({ ...valid, specialNeeds: 'ok\u0007' }).specialNeeds).toEqual([V.invalid_text]);
    expect(errorsOf({ ...valid, specialNeeds: '第一行\n第二行' })).toEqual({});
    expect(errorsOf({ ...valid, name: '   ' }).name).toEqual([V.required]);
  });

  it('wants times with a zone, the end after the start, visitors 1..200', () => {
    expect(errorsOf({ ...valid, startAt: '2030-03-12T10:00' }).startAt).toEqual([V.invalid_date]);
    expect(errorsOf({ ...valid, startAt: 'tomorrow' }).startAt).toEqual([V.invalid_date]);
    expect(errorsOf({ ...valid, endAt: valid.startAt }).endAt).toEqual([V.end_before_start]);
    expect(errorsOf({ ...valid, visitors: 0 }).visitors).toEqual([V.too_small]);
    expect(errorsOf({ ...valid, visitors: 201 }).visitors).toEqual([V.too_large]);
    expect(errorsOf({ ...valid, visitors: 2.5 }).visitors).toEqual([V.invalid_number]);
    expect(errorsOf({ ...valid, visitors: '12' })).toEqual({});
  });

  it('answers wrong JSON types with message keys, not zod English', () => {
    const errors = errorsOf({
      resourceId: 42,
      startAt: true,
      endAt: [],
      name: {},
      phone: 13800138000,
      email: ['a@b.com'],
      company: null,
      visitors: true,
      specialNeeds: 7,
    });
    expect(errors).toEqual({
      resourceId: [V.invalid_id],
      startAt: [V.invalid_date],
      endAt: [V.invalid_date],
      name: [V.invalid_text],
      phone: [V.invalid_phone],
      email: [V.invalid_email],
      company: [V.required],
      visitors: [V.invalid_number],
      specialNeeds: [V.invalid_text],
    });
    expect(errorsOf([1, 2, 3])).toEqual({ _form: [V.invalid_form] });
    expect(errorsOf('text')).toEqual({ _form: [V.invalid_form] });
  });
});

describe('serviceDeskRequestSchema', () => {
  it('adds the channel, the pasted message and a hold by default', () => {
    const parsed = serviceDeskRequestSchema.parse({
      ...valid,
      channel: 'phone',
      originalMessage: '客户来电：周二上午参观展厅',
    });
    expect(parsed).toMatchObject({ channel: 'phone', holdsSlot: true, importantCustomer: false });
    const refused = serviceDeskRequestSchema.safeParse({ ...valid, channel: 'fax', originalMessage: 'x'.repeat(5001) });
    expect(refused.success ? {} : fieldErrors(refused.error)).toEqual({
      channel: [V.invalid_choice],
      originalMessage: [V.too_long],
    });
  });
});

describe('customer messages', () => {
  const read = (locale: string) =>
    JSON.parse(readFileSync(join(process.cwd(), 'messages', locale, 'customer.json'), 'utf8')) as {
      validation: Record<string, string>;
    };

  it('has every key in both languages, and the API maps the keys to text', () => {
    const keys = Object.values(V).map((key) => key.replace('customer.validation.', ''));
    for (const locale of ['zh', 'en']) expect(Object.keys(read(locale).validation).sort()).toEqual([...keys].sort());
    expect(localizeFields({ phone: [V.invalid_phone] }, 'zh').phone[0]).toContain('手机号');
    expect(localizeFields({ phone: [V.invalid_phone] }, 'en').phone[0]).toContain('country code');
  });
});
