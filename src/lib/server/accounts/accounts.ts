import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users, type UserRole } from '../db/schema';
import { hashPassword, passwordProblem, verifyAgainstDecoy, verifyPassword, type PasswordProblem } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';

export class AccountError extends Error {
  constructor(readonly code: 'email_taken' | PasswordProblem | 'password_wrong') {
    super(code);
  }
}

export interface NewAccount {
  email: string;
  password: string;
  role?: UserRole;
  displayName?: string;
}

/** Creates an account; the email must be free and the password acceptable. */
export async function createAccount(database: Db, account: NewAccount): Promise<number> {
  return createAccountWith(database, account, (_tx, userId) => userId);
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * createAccount, then `andThen` with the new id in the same transaction (a merchant's shop
 * application): if the email is taken, the password unacceptable or `andThen` throws, nothing
 * is written.
 */
export async function createAccountWith<T>(database: Db, account: NewAccount, andThen: (tx: Tx, userId: number) => T): Promise<T> {
  const problem = await passwordProblem(account.password, account.email);
  if (problem) throw new AccountError(problem);
  const passwordHash = await hashPassword(account.password);
  // Checked after the slow hash, inside the write, so two sign-ups with one email cannot both pass.
  return database.transaction((tx) => {
    const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get();
    if (taken) throw new AccountError('email_taken');
    const userId = tx
      .insert(users)
      .values({ email: account.email, passwordHash, role: account.role ?? 'citizen', displayName: account.displayName ?? '' })
      .returning({ id: users.id })
      .get().id;
    return andThen(tx, userId);
  });
}

/** The account for these credentials, or null; takes as long whether or not the email exists. */
export async function authenticate(database: Db, email: string, password: string): Promise<{ id: number; role: UserRole; twoFactor: boolean } | null> {
  const row = database
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, totpKey: users.totpKey })
    .from(users)
    .where(eq(users.email, email))
    .get();
  if (!row) return verifyAgainstDecoy(password).then(() => null);
  if (!(await verifyPassword(row.passwordHash, password))) return null;
  return { id: row.id, role: row.role, twoFactor: row.totpKey !== null };
}

export async function checkPassword(database: Db, userId: number, password: string): Promise<boolean> {
  const row = database.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  return row ? verifyPassword(row.passwordHash, password) : false;
}

/** Changes the password after checking the current one; every other session is ended. */
export async function changePassword(database: Db, userId: number, current: string, next: string, keepSession: string): Promise<void> {
  const user = database.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user || !(await checkPassword(database, userId, current))) throw new AccountError('password_wrong');
  const problem = await passwordProblem(next, user.email);
  if (problem) throw new AccountError(problem);
  const passwordHash = await hashPassword(next);
  database.transaction((tx) => {
    tx.update(users).set({ passwordHash, passwordChangedAt: new Date().toISOString() }).where(eq(users.id, userId)).run();
    invalidateUserSessions(tx, userId, keepSession);
  });
}
