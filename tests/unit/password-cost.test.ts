/**
 * Stored passwords use bcrypt at cost 10. The database tests hash at a lower cost to save time
 * (tests/helpers/cheap-password-hashes.ts); this is where the production cost is held.
 */
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

describe('password hashes', () => {
  it('are bcrypt at cost 10, and check the right password only', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$2[aby]\$10\$/);
    expect(bcrypt.getRounds(hash)).toBe(10);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse!', hash)).toBe(false);
    expect(await verifyPassword('correct horse', null)).toBe(false);
  });
});
