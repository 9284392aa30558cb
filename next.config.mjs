import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and extension bundles from its own package directory at run time;
  // bundling it breaks those paths.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
