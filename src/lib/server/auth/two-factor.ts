import { createHash, randomBytes } from 'node:crypto';
import { createTOTPKeyURI, verifyTOTPWithGracePeriod } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { recoveryCodes, users } from '../db/schema';

const PERIOD_S = 30;
const DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;

export function newTotpKey(): Buffer {
  return randomBytes(20);
}

/** The otpauth:// URI authenticator apps scan. */
export function totpUri(issuer: string, email: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, email, key, PERIOD_S, DIGITS);
}

/** The key as people type it into an app by hand, in groups of four. */
export function totpKeyForTyping(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})/g, '$1 ').trim();
}

/** A 6-digit code, accepting the previous and next 30-second step for clock drift. */
export function verifyTotp(key: Uint8Array, code: string): boolean {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  return verifyTOTPWithGracePeriod(key, PERIOD_S, DIGITS, digits, PERIOD_S);
}

const hashCode = (code: string): string =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

/** Switches two-factor on and returns fresh recovery codes (shown once). */
export function enableTwoFactor(database: Db, userId: number, key: Uint8Array): string[] {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = encodeBase32UpperCaseNoPadding(randomBytes(8)).slice(0, 10).toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  database.transaction((tx) => {
    tx.update(users).set({ totpKey: Buffer.from(key) }).where(eq(users.id, userId)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashCode(code) }))).run();
  });
  return codes;
}

export function disableTwoFactor(database: Db, userId: number): void {
  database.transaction((tx) => {
    tx.update(users).set({ totpKey: null }).where(eq(users.id, userId)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  });
}

/** Uses up a recovery code; true when it was valid. */
export function consumeRecoveryCode(database: Db, userId: number, code: string): boolean {
  const result = database
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashCode(code))))
    .run();
  return result.changes > 0;
}

export function remainingRecoveryCodes(database: Db, userId: number): number {
  return database.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all().length;
}

export function userTotpKey(database: Db, userId: number): Buffer | null {
  return database.select({ key: users.totpKey }).from(users).where(eq(users.id, userId)).get()?.key ?? null;
}
