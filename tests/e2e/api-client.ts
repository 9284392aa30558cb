/**
 * A caller of the built app's JSON API with a cookie jar, signed in with the Auth.js credentials
 * flow (CSRF token, then the form post) as another system would: state-changing calls are JSON
 * and name the app as their Origin, as its own pages do.
 */
import { baseUrl } from './browser';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // The answers are checked field by field below.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/**
 * A caller with a cookie jar. `base` is where requests go; `origin` is the app's address (APP_URL)
 * its pages would send as Origin — different when several instances serve one app.
 */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly base: () => string = baseUrl,
    private readonly origin: () => string = base,
  ) {}

  /** The same signed-in caller talking to another instance of the app. */
  via(base: () => string): ApiClient {
    const other = new ApiClient(base, this.origin);
    other.cookies = this.cookies;
    return other;
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  /** Signs in; answers where Auth.js sends the browser next (its Location). */
  async signIn(email: string, callbackUrl = '/'): Promise<string | null> {
    const csrf = await fetch(`${this.base()}/api/auth/csrf`, { headers: this.cookieHeader() });
    this.keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const login = await fetch(`${this.base()}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() },
      body: new URLSearchParams({ csrfToken, email, password: 'demo1234', callbackUrl }),
    });
    this.keep(login);
    if (!this.cookies.has('authjs.session-token')) throw new Error(`sign-in as ${email} failed: ${login.status}`);
    return login.headers.get('location');
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    opts: { raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    // A state-changing call is JSON (`{}` when it has no fields) and names the app as its
    // Origin, as the app's own pages do (lib/api/same-origin.ts).
    const changes = method !== 'GET' && method !== 'HEAD';
    const payload = body === undefined && changes ? {} : body;
    const response = await fetch(`${this.base()}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(changes && { 'content-type': 'application/json', origin: this.origin() }),
        ...this.cookieHeader(),
        ...opts.headers,
      },
      body: opts.raw ?? (payload === undefined ? undefined : JSON.stringify(payload)),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON (the calendar feed); `text` has it.
    }
    return { status: response.status, headers: response.headers, text, json };
  }
}
