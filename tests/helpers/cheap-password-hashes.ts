/**
 * Database and integration tests hash passwords at bcrypt's lowest cost. Production's cost
 * (lib/auth/password.ts, held by tests/unit/password-cost.test.ts) makes each hash and check
 * take 0.1–0.25 s here, and the sign-in tests make hundreds; what they prove — throttling,
 * sessions, password links — does not depend on the cost. Checks stay real: bcrypt reads the
 * cost from the stored hash, so every compare is the same bcryptjs call production makes.
 */
import bcrypt from 'bcryptjs';
import { vi } from 'vitest';

vi.mock('@/lib/auth/password', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/password')>()),
  hashPassword: (password: string) => bcrypt.hash(password, 4),
}));
