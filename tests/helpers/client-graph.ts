/**
 * The modules a page's browser code is made of, read from the source: starting at server files
 * (layouts, pages), every module imported at or below a `'use client'` boundary. Enough for
 * questions like "which message namespaces can the browser ask for here"; type-only imports
 * are skipped, bare package imports are not followed, nor `'use server'` modules below a boundary.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? resolve(dirname(from), spec)
      : null;
  if (!base) return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  return (
    EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path)) ?? null
  );
}

/** The client modules reachable from `roots` (paths relative to the project), with their source. */
export function clientModules(roots: string[]): Map<string, string> {
  const client = new Map<string, string>();
  const visited = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const source = readFileSync(file, "utf8");
    // Server actions imported by client code stay on the server: the browser gets a reference.
    if (inClient && /^\s*['"]use server['"]/.test(source)) return;
    const isClient = inClient || /^\s*['"]use client['"]/.test(source);
    const key = `${isClient}:${file}`;
    if (visited.has(key)) return;
    visited.add(key);
    if (isClient) client.set(relative(ROOT, file), source);
    for (const match of source.matchAll(
      /^\s*(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
    )) {
      if (match[2]) continue;
      const target = resolveImport(file, match[3] ?? match[4]);
      if (target) visit(target, isClient);
    }
  };
  for (const root of roots) visit(join(ROOT, root), false);
  return client;
}
