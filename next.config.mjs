import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets several dev servers run from one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WASM and extension bundles from its own package directory at run time;
  // bundling it breaks those paths. rate-limiter-flexible imports drizzle-orm by a computed
  // name, which a bundle cannot resolve ("expression is too dynamic"). exceljs (the register's
  // XLSX export) is plain CommonJS with archiver and streams: loaded as is, not re-bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'rate-limiter-flexible', 'exceljs'],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
