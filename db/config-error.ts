/**
 * A problem with how the app is configured or started (environment, database location).
 * Start-up prints its message alone — it names the variable to fix — instead of a stack trace.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
