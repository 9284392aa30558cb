/**
 * drizzle wraps driver errors (DrizzleQueryError); postgres-js and PGlite put the SQLSTATE on
 * different objects. Walk the cause chain to find it.
 */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const SQLSTATE = {
  exclusionViolation: '23P01',
  uniqueViolation: '23505',
  checkViolation: '23514',
  foreignKeyViolation: '23503',
  undefinedTable: '42P01',
  /** A public request over its address's cap on open requests (migration 0022). */
  openRequestCap: 'BK001',
} as const;
