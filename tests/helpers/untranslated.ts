/**
 * Finds what a Chinese reader should never see: a message path next-intl printed because the
 * message was missing (`history.action.displaced`), a code (`invalid_transition`,
 * `customer_service`), a bare status or reason code (`declined`), or an English phrase
 * (`displaced for a customer`). Addresses, links and file names are left out first: they are
 * ASCII by nature. Used on rendered e-mails and on every page's text in the browser tests.
 */
const ADDRESSES = [
  /\bhttps?:\/\/\S+/g, // links
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /\b[\w-]+\.(?:csv|ics|json|svg|png)\b/g, // file names
  /\/[\w/.[\]-]*/g, // paths (/book, /api/v1/openapi.json, .data/mailbox)
];

const FINDINGS: { what: string; pattern: RegExp }[] = [
  { what: 'message path', pattern: /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]*(?:\.[a-zA-Z_]+)*\b/g },
  { what: 'code', pattern: /\b[a-z]+(?:_[a-z]+)+\b/g },
  { what: 'English phrase', pattern: /\b[a-zA-Z]{2,}(?: [a-z]+){2,}\b/g },
  { what: 'status or reason code', pattern: /\b(?:pending|needs|awaiting|confirmed|declined|cancelled|expired|displaced|rejected|completed|ignored|unrecognized)\b/g },
];

/** Everything in `text` that looks untranslated, as "kind: match" strings (empty when clean). */
export function untranslatedIn(text: string): string[] {
  const plain = ADDRESSES.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
  return FINDINGS.flatMap(({ what, pattern }) => [...plain.matchAll(pattern)].map((m) => `${what}: ${m[0]}`));
}
