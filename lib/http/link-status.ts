/**
 * The HTTP status of the e-mail link pages (/r/<token>, /m/<token>, the survey's /s/<token>): 410 Gone for a link that
 * was used or has expired, 404 for one that never was — with the same helpful page, which
 * still shows the booking and what the person can do. A page cannot set its status once it
 * renders, so proxy.ts asks here first and lets the request through with the status set (the
 * page renders as usual; only the status line changes). Reads only, like the page.
 */
import { NextResponse, type NextRequest } from 'next/server';

const LINK_PAGE = /^\/(r|m|s)\/([^/]+)\/?$/;

/**
 * For a link page: the response letting the request through, with its status for a GET or
 * HEAD; undefined for any other page. `init` carries the proxy's request headers along.
 */
export async function linkPageStatus(request: NextRequest, init: Parameters<typeof NextResponse.next>[0] = {}): Promise<NextResponse | undefined> {
  const match = LINK_PAGE.exec(request.nextUrl.pathname);
  if (!match) return undefined;
  // The buttons' POSTs go to the page's actions, which answer a closed link themselves.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next(init);
  let token: string;
  try {
    token = decodeURIComponent(match[2]);
  } catch {
    return NextResponse.next({ ...init, status: 404 });
  }
  // Loaded on demand: the proxy's other paths never touch the database.
  const [{ getDb }, { linkState }, { surveyLinkState }] = await Promise.all([
    import('@/db'),
    import('@/lib/booking/booking-link'),
    import('@/lib/surveys/answer'),
  ]);
  const state = await (match[1] === 's' ? surveyLinkState : linkState)(await getDb(), token);
  if (state === 'open') return NextResponse.next(init);
  return NextResponse.next({ ...init, status: state === 'unknown' ? 404 : 410 });
}
