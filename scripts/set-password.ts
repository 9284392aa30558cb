/**
 * `npm run user:password -- <e-mail>`: gives an account a new password, asked for twice at the
 * terminal without echo, or read as the first line of standard input when piped
 * (`printf '%s\n' "$PASSWORD" | npm run user:password -- admin@example.com`). Never on the
 * command line, where other users of the machine could read it.
 */
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { openDatabase, targetFromEnv } from '@/db';
import { runCli } from '@/db/cli';
import { ConfigError } from '@/lib/config-error';
import { newPasswordSchema, setUserPassword } from '@/lib/users/set-password';

await runCli(async () => {
  const email = process.argv[2]?.trim();
  if (!email) throw new ConfigError('Name the account: npm run user:password -- <e-mail>');
  const password = process.stdin.isTTY ? await askTwice() : await firstLineOfStdin();
  const checked = newPasswordSchema.safeParse(password);
  if (!checked.success) throw new ConfigError(`The new password must be ${z.flattenError(checked.error).formErrors.join(' and ')}.`);

  const handle = await openDatabase(targetFromEnv());
  try {
    if (!(await setUserPassword(handle.db, email, checked.data))) throw new ConfigError(`There is no account ${email}.`);
    console.log(`New password set for ${email}.`);
  } finally {
    await handle.close();
  }
});

async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function askTwice(): Promise<string> {
  const first = await askHidden('New password: ');
  const again = await askHidden('Again: ');
  if (first !== again) throw new ConfigError('The two passwords differ; nothing was changed.');
  return first;
}

/** Reads a line from the terminal in raw mode, showing nothing of what is typed. */
function askHidden(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          return resolve(typed);
        }
        if (char === '\u0003') {
          finish();
          return reject(new ConfigError('Cancelled; nothing was changed.'));
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    stdin.on('data', onData);
  });
}
