import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { sessions, users } from '../../src/lib/server/db/schema';
import {
  createSession,
  invalidateOwnSession,
  invalidateUserSessions,
  listUserSessions,
  sessionPolicy,
  validateSessionToken
} from '../../src/lib/server/auth/session';
import { AccountError, authenticate, changePassword, createAccount } from '../../src/lib/server/accounts/accounts';

let db: Db;
let alice: number;
let bob: number;

beforeEach(async () => {
  db = openDatabase(':memory:');
  alice = await createAccount(db, { email: 'alice@example.org', password: 'une phrase assez longue' });
  bob = await createAccount(db, { email: 'bob@example.org', password: 'une autre phrase longue', role: 'curator' });
});

describe('sessions', () => {
  it('stores only a digest of the secret and accepts the exact token only', () => {
    const { token } = createSession(db, alice, { device: 'Firefox · Linux' });
    const [id, secret] = token.split('.');
    expect(id.length).toBeGreaterThanOrEqual(24);
    expect(secret.length).toBeGreaterThanOrEqual(24);
    const row = db.select().from(sessions).where(eq(sessions.id, id)).get()!;
    expect(row.secretHash.toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);

    expect(validateSessionToken(db, token)?.user.email).toBe('alice@example.org');
    // One character off (never the same one: a secret may well end in "x").
    expect(validateSessionToken(db, `${id}.${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`)).toBeNull();
    expect(validateSessionToken(db, `${id}.${secret}.extra`)).toBeNull();
    expect(validateSessionToken(db, 'nonsense')).toBeNull();
  });

  it('ends after inactivity and after the absolute lifetime, deleting the row', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const policy = sessionPolicy('citizen');
    const idle = createSession(db, alice, { now: t0 });
    expect(validateSessionToken(db, idle.token, t0 + policy.idleMs - 1000)).not.toBeNull();
    expect(validateSessionToken(db, idle.token, t0 + 2 * policy.idleMs)).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.id, idle.session.id)).get()).toBeUndefined();

    // Used every day, a session still ends at its absolute lifetime.
    const busy = createSession(db, alice, { now: t0 });
    let t = t0;
    while (t - t0 < policy.absoluteMs - 86_400_000) {
      t += 86_400_000;
      expect(validateSessionToken(db, busy.token, t)).not.toBeNull();
    }
    expect(validateSessionToken(db, busy.token, t0 + policy.absoluteMs)).toBeNull();
  });

  it('gives curators much shorter sessions than citizens', () => {
    expect(sessionPolicy('curator').idleMs).toBeLessThan(sessionPolicy('citizen').idleMs);
    const t0 = Date.UTC(2026, 0, 1);
    const { token } = createSession(db, bob, { now: t0 });
    expect(validateSessionToken(db, token, t0 + sessionPolicy('curator').idleMs + 1)).toBeNull();
  });

  it("lets a person end one of their sessions or all the others, never someone else's", () => {
    const mine = createSession(db, alice);
    const other = createSession(db, alice);
    const third = createSession(db, alice);
    const bobs = createSession(db, bob);
    expect(invalidateOwnSession(db, alice, bobs.session.id)).toBe(false);
    expect(validateSessionToken(db, bobs.token)).not.toBeNull();
    expect(invalidateOwnSession(db, alice, other.session.id)).toBe(true);
    expect(validateSessionToken(db, other.token)).toBeNull();
    expect(invalidateUserSessions(db, alice, mine.session.id)).toBe(1);
    expect(validateSessionToken(db, third.token)).toBeNull();
    expect(listUserSessions(db, alice).map((s) => s.id)).toEqual([mine.session.id]);
  });
});

describe('accounts', () => {
  it('hashes with argon2id and authenticates only the right password', async () => {
    const row = db.select().from(users).where(eq(users.id, alice)).get()!;
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await authenticate(db, 'alice@example.org', 'une phrase assez longue')).toMatchObject({ id: alice, role: 'citizen' });
    expect(await authenticate(db, 'alice@example.org', 'une phrase assez longuE')).toBeNull();
    expect(await authenticate(db, 'nobody@example.org', 'une phrase assez longue')).toBeNull();
  });

  it('refuses short, common and email-containing passwords and a taken email', async () => {
    const attempt = (email: string, password: string) =>
      createAccount(db, { email, password }).then(
        () => 'ok',
        (err: unknown) => (err instanceof AccountError ? err.code : 'other')
      );
    expect(await attempt('c@example.org', 'court')).toBe('password_short');
    expect(await attempt('c@example.org', 'password1')).toBe('password_common');
    expect(await attempt('c@example.org', 'azertyuiop')).toBe('password_common');
    expect(await attempt('camille@example.org', 'camille-2026!')).toBe('password_contains_email');
    expect(await attempt('alice@example.org', 'encore une phrase')).toBe('email_taken');
    expect(await attempt('c@example.org', 'x'.repeat(129))).toBe('password_long');
    expect(await attempt('c@example.org', 'la violette de Toulouse')).toBe('ok');
  });

  it('changing the password ends every other session and needs the current one', async () => {
    const here = createSession(db, alice);
    const elsewhere = createSession(db, alice);
    await expect(changePassword(db, alice, 'faux mot de passe', 'nouvelle phrase secrète', here.session.id)).rejects.toThrow('password_wrong');
    expect(validateSessionToken(db, elsewhere.token)).not.toBeNull();
    await changePassword(db, alice, 'une phrase assez longue', 'nouvelle phrase secrète', here.session.id);
    expect(validateSessionToken(db, elsewhere.token)).toBeNull();
    expect(validateSessionToken(db, here.token)).not.toBeNull();
    expect(await authenticate(db, 'alice@example.org', 'nouvelle phrase secrète')).not.toBeNull();
  });
});
