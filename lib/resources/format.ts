/** Ledger values for display. */

/** A `time` column ('08:30:00') as wall-clock hours and minutes ('08:30'). */
export function clockTime(value: string): string {
  return value.slice(0, 5);
}
