/**
 * Cursor pagination of the JSON API's lists: `?limit=` (1–200, default 100; more is a 422) and
 * `?cursor=` from the previous page's `nextCursor`, which is null on the last page. A cursor is
 * the sort key of the last item handed out (opaque base64url JSON), so a page never repeats or
 * skips an item when rows are added or removed before it.
 */
import { z } from 'zod';
import { DomainError } from '@/lib/errors';

export const MAX_PAGE_LIMIT = 200;
const DEFAULT_LIMIT = 100;

export const pageQueryShape = {
  cursor: z.string().max(500, { error: 'invalid_cursor' }).optional(),
  limit: z.coerce
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(1, { error: 'too_small' })
    .max(MAX_PAGE_LIMIT, { error: 'page_limit' })
    .default(DEFAULT_LIMIT),
};
export const pageQuery = z.object(pageQueryShape);
export type PageQuery = z.output<typeof pageQuery>;

/** Every list answer's `nextCursor`. */
export const nextCursorSchema = z
  .string()
  .nullable()
  .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' });

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor holds, checked against the list's key shape; anything else is a 422. */
export function decodeCursor<K extends CursorKey>(cursor: string, shape: z.ZodType<K>): K {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError('invalid_input', undefined, { fields: { cursor: ['invalid_cursor'] } });
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One page of rows fetched with `limit + 1` (the extra row only says that more follow).
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (item: T) => CursorKey): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

/**
 * A page of a list already in memory and in a stable order (short lists: resources, tokens),
 * keyed by each item's id: the page starts after the cursor's item.
 */
export function pageOfList<T extends { id: string }>(list: T[], page: PageQuery): Page<T> {
  let start = 0;
  if (page.cursor !== undefined) {
    const [id] = decodeCursor(page.cursor, z.tuple([z.string()]));
    start = list.findIndex((item) => item.id === id) + 1;
    if (start === 0) throw new DomainError('invalid_input', undefined, { fields: { cursor: ['invalid_cursor'] } });
  }
  return pageOf(list.slice(start, start + page.limit + 1), page.limit, (item) => [item.id]);
}
