import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets several dev servers run from one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WASM and extension bundles from its own package directory at run time;
  // bundling it breaks those paths.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
