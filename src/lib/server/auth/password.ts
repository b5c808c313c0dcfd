import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane). */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const PASSWORD_MIN = 8;
/** Long passphrases are welcome; the cap only keeps hashing cost bounded. */
export const PASSWORD_MAX = 128;

/** Codes shared with the form schemas, so pages translate both alike. */
export type PasswordProblem = 'password_short' | 'password_long' | 'password_common' | 'password_contains_email';

let common: Set<string> | undefined;

/** The 18,000 most common passwords of 8+ characters (zxcvbn's list), loaded on first use. */
async function commonPasswords(): Promise<Set<string>> {
  if (!common) {
    const { dictionary } = await import('@zxcvbn-ts/language-common');
    common = new Set(dictionary['passwords-common'].filter((p) => p.length >= PASSWORD_MIN));
  }
  return common;
}

/** Why a new password is refused, or null when it is acceptable. */
export async function passwordProblem(password: string, email = ''): Promise<PasswordProblem | null> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'password_short';
  if (length > PASSWORD_MAX) return 'password_long';
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower)) return 'password_common';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'password_contains_email';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of a real verification when the account does not exist, so response times do
 * not tell which emails have an account.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('placette-decoy-password');
  await verifyPassword(await decoy, password);
  return false;
}
