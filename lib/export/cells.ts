/**
 * A cell of an exported table. Text that a spreadsheet would read as a formula (it starts with
 * `=`, `+`, `-` or `@`, or a tab or carriage return that some readers skip before them) gets a
 * leading `'`, so a customer's "company" of `=HYPERLINK(…)` stays text in Excel (OWASP "CSV
 * injection"). Numbers and times are typed values and are written as they are.
 */
export type Cell = string | number | Date | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Every text of a row made safe; other values untouched. */
export function safeRow(row: Cell[]): Cell[] {
  return row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell));
}

/** A column of an export: its header (already in the reader's language) and width in characters. */
export interface ExportColumn {
  header: string;
  width: number;
  /** Times: shown as `yyyy-mm-dd hh:mm` wall-clock values (they carry no zone). */
  time?: boolean;
}
