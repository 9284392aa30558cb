/** Where people go after signing in. */
import type { UserRole } from '@/db/schema';

/** Admin starts in the admin overview, customer service at the service desk, staff on the home page. */
const LANDING: Record<UserRole, string> = { admin: '/admin', customer_service: '/desk', staff: '/' };

export function landingPathFor(role: UserRole): string {
  return LANDING[role];
}

/**
 * A `callbackUrl` is only followed when it is a path on this site: an absolute or
 * protocol-relative URL would make the sign-in page an open redirect.
 */
export function safeCallbackPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return undefined;
  }
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/api/')) return undefined;
  return value;
}
