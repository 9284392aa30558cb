import { CredentialsSignin } from 'next-auth';

/**
 * A sign-in refused by the throttle (lib/auth/sign-in-throttle.ts) before the password was
 * looked at. Auth.js passes `code` on to the sign-in page (`?error=CredentialsSignin&code=…`);
 * the sign-in form's action reads the wait from the error itself.
 */
export class SignInThrottled extends CredentialsSignin {
  override code = 'throttled';

  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}
