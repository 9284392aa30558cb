/**
 * Shared-secret checks for machine-to-machine routes (cron, inbound e-mail):
 * `Authorization: Bearer <secret>`, compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type BearerCheck = 'ok' | 'unauthorized' | 'not_configured';

export function checkBearer(request: Request, secret: string | undefined): BearerCheck {
  if (!secret?.trim()) return 'not_configured';
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return 'unauthorized';
  // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(secret.trim())) ? 'ok' : 'unauthorized';
}

/** The JSON answer for a failed check: 503 names the missing variable, 401 says nothing more. */
export function bearerFailure(check: Exclude<BearerCheck, 'ok'>, variable: string): Response {
  return check === 'not_configured'
    ? Response.json({ error: { code: 'not_configured', message: `${variable} is not set on the server.` } }, { status: 503 })
    : Response.json(
        { error: { code: 'unauthenticated', message: 'Missing or wrong bearer token.' } },
        { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
      );
}
