/** Prints benchmark rows as a table (Markdown, so it can be pasted into a note as it is). */
import type { BenchRow } from './context';

const HEADER = ['path', 'app', 'floor', 'ratio', 'goal', 'met?', 'samples', 'note'];

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.path,
    r.app.text,
    r.floor?.text ?? '—',
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.goal,
    r.met ? 'yes' : 'NO',
    String(r.samples),
    r.note ?? '',
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
