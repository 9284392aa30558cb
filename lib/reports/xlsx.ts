/**
 * The report as a workbook: one sheet per section, its table as shown on the page, numbers as
 * numbers (hours to two decimals, ratios as percentages) so they can be summed in Excel.
 * Cells are written as typed values, never as formulas: a label beginning with "=" stays text.
 */
import ExcelJS from 'exceljs';
import type { RenderedSection } from './report';
import type { ColumnKind } from './section';

const FORMAT: Record<ColumnKind, string | undefined> = { text: undefined, count: '0', hours: '0.00', ratio: '0.0%', score: '0.00' };

/** Excel refuses these in sheet names, and names longer than 31 characters. */
const sheetName = (title: string, taken: Set<string>) => {
  let name = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  for (let n = 2; taken.has(name); n++) name = `${title.slice(0, 28)} ${n}`;
  taken.add(name);
  return name;
};

export async function reportWorkbook(sections: RenderedSection[], heading: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  const taken = new Set<string>();
  for (const section of sections) {
    const sheet = workbook.addWorksheet(sheetName(section.title, taken));
    sheet.addRow([`${section.title} · ${heading}`]).font = { bold: true };
    sheet.addRow([]);
    const header = sheet.addRow(section.table.columns.map((c) => c.label));
    header.font = { bold: true };
    for (const row of section.table.rows) sheet.addRow(section.table.columns.map((c) => row[c.key] ?? null));
    section.table.columns.forEach((column, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = Math.max(12, Math.min(40, column.label.length + 4));
      const format = FORMAT[column.kind];
      if (format) col.numFmt = format;
    });
    sheet.views = [{ state: 'frozen', ySplit: 3 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
