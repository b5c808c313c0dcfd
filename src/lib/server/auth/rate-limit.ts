import { createHash, randomBytes } from 'node:crypto';

/**
 * Counts attempts per key in a sliding window, in this process's memory only (one Placette
 * instance is one process). Keys built from client addresses are salted hashes, so no address is
 * ever kept, and they vanish when their window ends.
 */
export class RateLimiter {
  #hits = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly windowMs: number
  ) {}

  #recent(key: string, now: number): number[] {
    const list = (this.#hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.#hits.delete(key);
    else this.#hits.set(key, list);
    return list;
  }

  /** Milliseconds until the next attempt is allowed; 0 when it is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.#recent(key, now);
    if (list.length < this.limit) return 0;
    return this.windowMs - (now - list[list.length - this.limit]);
  }

  hit(key: string, now = Date.now()): void {
    const list = this.#recent(key, now);
    list.push(now);
    this.#hits.set(key, list);
    if (this.#hits.size > 50_000) this.#sweep(now);
  }

  reset(key: string): void {
    this.#hits.delete(key);
  }

  #sweep(now: number): void {
    for (const key of [...this.#hits.keys()]) this.#recent(key, now);
  }
}

const salt = randomBytes(16);

/** A key for a client address that cannot be turned back into the address. */
export function clientKey(address: string): string {
  return createHash('sha256').update(salt).update(address).digest('base64url').slice(0, 22);
}

/** Limits that guard sign-in and sign-up: failures per account and per client, sign-ups per client. */
export const limits = {
  loginPerAccount: new RateLimiter(8, 15 * 60_000),
  loginPerClient: new RateLimiter(40, 15 * 60_000),
  // PLACETTE_SIGNUP_LIMIT: sign-ups per client and hour (an event desk signing people up on one
  // connection, or a test suite, may need more than the default).
  signupPerClient: new RateLimiter(Number(process.env.PLACETTE_SIGNUP_LIMIT) || 10, 60 * 60_000),
  twoFactorPerSession: new RateLimiter(6, 15 * 60_000)
};

/** Whole minutes, at least 1, for "try again in N minutes". */
export const minutesFrom = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
