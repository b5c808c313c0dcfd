import { randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Letters and digits nobody confuses when reading them aloud or off a phone: no 0/O, 1/I/L. */
export const PICKUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PICKUP_CODE_LENGTH = 6;

/**
 * Random bytes from the system's CSPRNG, drawn 4 KB at a time: one call per checkout for an id
 * and a code was a measurable part of its time. Each byte is handed out once.
 */
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let used = 0;
function random(n: number): Buffer {
  if (used + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  return pool.subarray(used, (used += n));
}

/** A pickup code such as "K7RM4Q": 31^6 ≈ 890 million values, drawn without modulo bias. */
export function newPickupCode(): string {
  let code = '';
  while (code.length < PICKUP_CODE_LENGTH) {
    for (const byte of random(16)) {
      // 248 = 8 × 31: bytes at or above it would favour the first letters.
      if (byte < 248 && code.length < PICKUP_CODE_LENGTH) code += PICKUP_CODE_ALPHABET[byte % 31];
    }
  }
  return code;
}

/** What a merchant typed or scanned, compared with the stored code: case, spaces and dashes ignored. */
export function normalisePickupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A random public order id (80 bits, 16 characters): order URLs reveal no count and cannot be guessed. */
export function newOrderId(): string {
  return encodeBase32LowerCaseNoPadding(random(10));
}
