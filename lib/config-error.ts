/**
 * The configuration error start-up reports in one line. It is defined at the bottom, in the
 * database layer (which raises it for DATABASE_URL and the embedded database's lock), so that
 * `db/` needs nothing from `lib/`; the rest of the app imports it from here.
 */
export { ConfigError } from '@/db/config-error';
