/**
 * Which messages the browser gets. next-intl's provider sends every namespace it is given with
 * each page, inside the page's HTML — all of them are ~110 kB, most of a public page's document,
 * parsed on the visitor's phone before the page responds. The public pages (/book, /door, and
 * the not-found page a visitor sees) get only what their client components translate; the
 * signed-in portal, where nearly every area has forms, still gets everything.
 * tests/unit/client-messages.test.ts walks the public pages' client code and fails when it
 * needs a namespace this list leaves out.
 */
import type { Messages } from "./messages";

export const PUBLIC_CLIENT_NAMESPACES = [
  "common",
  "book",
  "errors",
  "status",
  "waitlist",
  "validation",
  "customer",
  "visit",
] as const;

export function pickMessages(
  messages: Messages,
  namespaces: readonly string[],
): Messages {
  return Object.fromEntries(
    namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]),
  );
}
