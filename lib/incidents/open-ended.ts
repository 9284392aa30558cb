/**
 * The end of a maintenance block "until resolved". `blackouts.end_at` is NOT NULL and every
 * overlap query compares it, so an open end is a date no booking can reach; resolving the
 * damage report sets the real end. Pure, so that pages and feeds can tell such a block apart.
 */
export const OPEN_ENDED = new Date('9999-12-31T00:00:00.000Z');

export function isOpenEnded(end: Date): boolean {
  return end.getTime() >= OPEN_ENDED.getTime();
}
