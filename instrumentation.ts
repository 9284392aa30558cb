export async function register() {
  // Only in the Node.js server (not the edge runtime, and `next build` never calls this).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareServer } = await import('./lib/startup');
    await prepareServer();
    // Single-machine installs run the cron jobs in-process every minute (DISABLE_SCHEDULER=1 turns it off).
    const { startScheduler } = await import('./lib/jobs/scheduler');
    startScheduler();
  }
}
