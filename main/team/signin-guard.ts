/**
 * Slows and then locks repeated failed sign-ins, per person code and per remote address, so a
 * password cannot be guessed at network speed. Each failure doubles the wait before the next
 * attempt is even checked; after `lockAfter` failures the key is locked for `lockMs`. A success
 * clears the person's count (not the address's: one right password must not open a guessing spree).
 * In memory: a restart forgets counts, which costs an attacker a restart of the server they cannot
 * cause.
 */
export interface GuardLimits {
  /** The first failure's wait; doubled per failure, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures per person code before the lock. */
  lockAfter: number;
  /** Failures per address before the lock (several people can share an office address). */
  lockAfterPerAddress: number;
  lockMs: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  lockAfter: 5,
  lockAfterPerAddress: 20,
  lockMs: 15 * 60_000,
};

interface Count {
  failures: number;
  /** Attempts before this time are refused without checking the password. */
  notBefore: number;
  lockedUntil: number;
}

export type GuardVerdict = { allowed: true } | { allowed: false; locked: boolean; retryAfterMs: number };

export class SignInGuard {
  private readonly counts = new Map<string, Count>();

  constructor(
    private readonly limits: GuardLimits = DEFAULT_GUARD_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  check(personCode: string, address: string): GuardVerdict {
    const t = this.now();
    let worst: GuardVerdict = { allowed: true };
    for (const key of this.keys(personCode, address)) {
      const c = this.counts.get(key);
      if (!c) continue;
      if (c.lockedUntil > t) return { allowed: false, locked: true, retryAfterMs: c.lockedUntil - t };
      if (c.notBefore > t) worst = { allowed: false, locked: false, retryAfterMs: c.notBefore - t };
    }
    return worst;
  }

  failed(personCode: string, address: string): void {
    const t = this.now();
    const [person, place] = this.keys(personCode, address);
    for (const [key, lockAfter] of [
      [person, this.limits.lockAfter],
      [place, this.limits.lockAfterPerAddress],
    ] as const) {
      const c = this.counts.get(key) ?? { failures: 0, notBefore: 0, lockedUntil: 0 };
      if (c.lockedUntil !== 0 && c.lockedUntil <= t) Object.assign(c, { failures: 0, lockedUntil: 0 });
      c.failures += 1;
      c.notBefore = t + Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** (c.failures - 1));
      if (c.failures >= lockAfter) c.lockedUntil = t + this.limits.lockMs;
      this.counts.set(key, c);
    }
  }

  succeeded(personCode: string): void {
    this.counts.delete(`person:${personCode.toLowerCase()}`);
  }

  private keys(personCode: string, address: string): [string, string] {
    return [`person:${personCode.toLowerCase()}`, `address:${address}`];
  }
}
