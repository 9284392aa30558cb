/**
 * Auth.js configuration. It is built per call (lazy) so that the secret and the database are
 * looked up at run time, never while `next build` imports the module.
 */
import type { NextAuthConfig } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { locales, type AppLocale } from '@/lib/i18n/config';
import { clientIp } from '@/lib/api/client-ip';
import { authSecret } from '@/lib/env';
import type { UserRole } from '@/db/schema';
import { authRedirect } from './landing';
import { revokeSessions } from '@/lib/users/sessions';
import { SignInThrottled } from './sign-in-error';
import { attemptSignIn } from './sign-in-throttle';

declare module 'next-auth' {
  interface User {
    role?: UserRole;
    departmentId?: string | null;
    locale?: AppLocale;
    sessionVersion?: number;
  }
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      role: UserRole;
      departmentId: string | null;
      locale: AppLocale;
      /** Compared with the user's current version on every request (lib/auth/actor.ts). */
      sessionVersion?: number;
    };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: UserRole;
    departmentId?: string | null;
    locale?: AppLocale;
    sv?: number;
  }
}

/** The session version a session cookie was issued under (lib/users/sessions.ts), if it carries one. */
export function sessionVersionOf(token: JWT): number | undefined {
  return typeof token.sv === 'number' ? token.sv : undefined;
}

export function authConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    // The app is reached by whatever host name it is deployed under (localhost, an intranet
    // name, a reverse proxy); without this, `next start` answers UntrustedHost.
    trustHost: true,
    // Credentials sign-in only works with JWT sessions.
    session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    logger: {
      // A mistyped password is an everyday event, not a server error: keep it out of the log.
      error(error) {
        if ((error as { type?: string }).type !== 'CredentialsSignin') console.error(error);
      },
    },
    providers: [
      Credentials({
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          const outcome = await attemptSignIn(await getDb(), {
            email: credentials?.email,
            password: credentials?.password,
            address: clientIp(request.headers),
          });
          if (outcome.kind === 'throttled') throw new SignInThrottled(outcome.retryAfterSeconds);
          return outcome.kind === 'ok' ? { ...outcome.user } : null;
        },
      }),
    ],
    callbacks: {
      // Auth.js's own endpoints follow a callbackUrl only under the sign-in page's rule.
      redirect: authRedirect,
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.departmentId = user.departmentId ?? null;
          token.locale = user.locale;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        // Pages and actions reload the user from the database (lib/auth/session.ts); these
        // copies only spare a query where the session alone is enough (the locale).
        session.user.id = token.sub ?? '';
        session.user.role = token.role ?? 'staff';
        session.user.departmentId = token.departmentId ?? null;
        session.user.locale = token.locale && locales.includes(token.locale) ? token.locale : 'zh';
        session.user.sessionVersion = sessionVersionOf(token);
        return session;
      },
    },
    events: {
      // A cookie is a bearer credential that a sign-out cannot take back from a copy: ending
      // every session of the person is what makes "signed out" true (lib/users/sessions.ts).
      async signOut(message) {
        const userId = 'token' in message ? message.token?.sub : undefined;
        if (userId) await revokeSessions(await getDb(), userId);
      },
    },
  };
}
