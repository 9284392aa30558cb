/**
 * XLSX through exceljs's streaming writer: rows are committed batch by batch and zipped as they
 * come, so a large export never holds the whole sheet in memory. Text is written as inline
 * strings (no shared-string table to grow), formula-like text escaped (cells.ts).
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeRow, type Cell, type ExportColumn } from './cells';

export function xlsxStream(sheetName: string, columns: ExportColumn[], batches: AsyncIterable<Cell[][]>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width,
    ...(c.time && { style: { numFmt: 'yyyy-mm-dd hh:mm' } }),
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  void (async () => {
    try {
      for await (const batch of batches) {
        for (const row of batch) sheet.addRow(safeRow(row)).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
