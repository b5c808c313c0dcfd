/**
 * `npm run admin:create -- --email someone@example.org [--role curator]`: creates an admin (or a
 * curator) account. The password is read from standard input when it is piped
 * (`echo "$PASS" | npm run admin:create -- --email …`); otherwise a strong one is generated and
 * printed once. There is no default admin: this is the only way to get the first one.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '../src/lib/server/db';
import { users } from '../src/lib/server/db/schema';
import { AccountError, createAccount } from '../src/lib/server/accounts/accounts';
import { emailField } from '../src/lib/schemas/account';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

const email = emailField.safeParse(option('email') ?? '');
const role = option('role') ?? 'admin';
if (!email.success || (role !== 'admin' && role !== 'curator')) {
  console.error('usage: npm run admin:create -- --email someone@example.org [--role admin|curator]');
  process.exit(2);
}
// isTTY is undefined (not false) on a pipe: only a terminal means "nothing piped".
const generated = process.stdin.isTTY === true;
const password = generated ? randomBytes(18).toString('base64url') : await readStdin();

const database = db();
const existing = database.select({ id: users.id }).from(users).where(eq(users.email, email.data)).get();
if (existing) {
  database.update(users).set({ role }).where(eq(users.id, existing.id)).run();
  console.log(`${email.data} already had an account: it is now ${role}.`);
  process.exit(0);
}
try {
  await createAccount(database, { email: email.data, password, role, displayName: role === 'admin' ? 'Administration' : '' });
} catch (err) {
  if (err instanceof AccountError) {
    console.error(`refused: ${err.code}`);
    process.exit(1);
  }
  throw err;
}
console.log(`${role} account created for ${email.data}.`);
if (generated) console.log(`password (shown once, change it after signing in): ${password}`);
console.log('Two-factor verification is required for this role: set it up at /account/security on first sign-in.');
