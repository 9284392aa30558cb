/**
 * CSV for Excel and everyone else: UTF-8 with a byte-order mark (without it Excel reads Chinese
 * as mojibake), RFC 4180 quoting, CRLF line ends. Written batch by batch as a stream.
 */
import { safeRow, type Cell, type ExportColumn } from './cells';

const BOM = '\uFEFF';

function field(cell: Cell): string {
  if (cell === null) return '';
  const text = cell instanceof Date ? wallClockText(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A time already moved to the organisation's wall clock (its UTC fields), as `2026-12-01 09:30`. */
export function wallClockText(wallClock: Date): string {
  return wallClock.toISOString().slice(0, 16).replace('T', ' ');
}

const line = (cells: Cell[]) => `${safeRow(cells).map(field).join(',')}\r\n`;

export function csvStream(columns: ExportColumn[], batches: AsyncIterable<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + line(columns.map((c) => c.header))));
        return;
      }
      const next = await iterator.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(line).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
