import { describe, expect, it } from 'vitest';
import { clientKey, RateLimiter } from '../../src/lib/server/auth/rate-limit';
import { deviceLabel } from '../../src/lib/server/auth/device-label';
import { safeNext } from '../../src/lib/schemas/account';
import { verifyTotp } from '../../src/lib/server/auth/two-factor';
import { generateTOTP } from '@oslojs/otp';

describe('rate limits', () => {
  it('blocks after the limit within the window and tells how long to wait', () => {
    const limiter = new RateLimiter(3, 60_000);
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('k', t + i)).toBe(0);
      limiter.hit('k', t + i);
    }
    expect(limiter.retryAfter('k', t + 10)).toBe(60_000 - 10);
    expect(limiter.retryAfter('other', t + 10)).toBe(0);
    expect(limiter.retryAfter('k', t + 60_001)).toBe(0);
  });

  it('reset clears an account after a successful sign-in', () => {
    const limiter = new RateLimiter(1, 60_000);
    limiter.hit('k');
    expect(limiter.retryAfter('k')).toBeGreaterThan(0);
    limiter.reset('k');
    expect(limiter.retryAfter('k')).toBe(0);
  });

  it('never keeps a client address, only a salted digest', () => {
    const key = clientKey('203.0.113.7');
    expect(key).not.toContain('203');
    expect(key).toBe(clientKey('203.0.113.7'));
    expect(key).not.toBe(clientKey('203.0.113.8'));
  });
});

describe('sign-in helpers', () => {
  it('labels devices coarsely', () => {
    expect(deviceLabel('Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0')).toBe('Firefox · Android');
    expect(deviceLabel('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36')).toBe('Chrome · Linux');
    expect(deviceLabel(null)).toBe('');
  });

  it('only comes back to same-origin paths after sign-in', () => {
    expect(safeNext('/merchant?tab=1')).toBe('/merchant?tab=1');
    expect(safeNext('//evil.example/')).toBe('/account');
    expect(safeNext('https://evil.example/')).toBe('/account');
    expect(safeNext('/\\evil.example')).toBe('/account');
    expect(safeNext(null)).toBe('/account');
  });

  it('accepts the current TOTP code and refuses others', () => {
    const key = new Uint8Array(20).fill(7);
    const code = generateTOTP(key, 30, 6);
    expect(verifyTotp(key, code)).toBe(true);
    expect(verifyTotp(key, code === '000000' ? '000001' : '000000')).toBe(false);
    expect(verifyTotp(key, 'abcdef')).toBe(false);
  });
});
