import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PUBLIC_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";
import { clientModules } from "../helpers/client-graph";

const NAMESPACES = readdirSync("messages/zh").map((file) =>
  file.replace(/\.json$/, ""),
);

/**
 * The namespaces a module's browser code can translate from: `useTranslations('ns…')`, and
 * message paths written out in full (`'customer.validation.required'`, `` `validation.${key}` ``)
 * for translators over every namespace.
 */
function namespacesUsed(source: string): Set<string> {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const used = new Set<string>();
  for (const [, ns] of code.matchAll(/useTranslations\(\s*['"]([A-Za-z]+)/g))
    used.add(ns);
  for (const [, ns] of code.matchAll(/['"`]([A-Za-z]+)\.[A-Za-z_$]/g))
    if (NAMESPACES.includes(ns)) used.add(ns);
  return used;
}

/** Namespaces a module names for other pages only: the staff booking page's wording of the alternatives. */
const ELSEWHERE: Record<string, string[]> = {
  "components/customer/slot-alternatives.tsx": ["booking"],
};

describe("the messages the public pages send to the browser", () => {
  const modules = clientModules([
    "app/(public)/layout.tsx",
    "app/(public)/book/page.tsx",
    "app/(public)/door/[code]/page.tsx",
    "app/not-found.tsx",
  ]);

  it("finds the public pages’ client code", () => {
    expect([...modules.keys()]).toEqual(
      expect.arrayContaining([
        "app/(public)/book/booking-form.tsx",
        "components/layout/language-switch.tsx",
      ]),
    );
  });

  it("hold every namespace that code translates from", () => {
    const missing = [...modules].flatMap(([file, source]) =>
      [...namespacesUsed(source)]
        .filter(
          (ns) =>
            !(PUBLIC_CLIENT_NAMESPACES as readonly string[]).includes(ns) &&
            !ELSEWHERE[file]?.includes(ns),
        )
        .map((ns) => `${file}: ${ns}`),
    );
    expect(missing).toEqual([]);
  });
});
