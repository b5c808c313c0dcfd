import { randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Letters and digits nobody confuses when reading them aloud or off a phone: no 0/O, 1/I/L. */
export const PICKUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PICKUP_CODE_LENGTH = 6;

/** A pickup code such as "K7RM4Q": 31^6 ≈ 890 million values, drawn without modulo bias. */
export function newPickupCode(): string {
  let code = '';
  while (code.length < PICKUP_CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
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
  return encodeBase32LowerCaseNoPadding(randomBytes(10));
}
