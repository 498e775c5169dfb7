/**
 * Sign-in throttling per account and per IP: a sliding window of failures. Kept in memory: one node holds
 * it, and a restart forgets it — acceptable for a brake on guessing, not a ledger.
 */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly rule: ThrottleRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(key: string): number {
    const recent = this.prune(key);
    if (recent.length < this.rule.limit) return 0;
    const oldest = recent[recent.length - this.rule.limit] ?? this.now();
    return Math.max(0, oldest + this.rule.windowMs - this.now());
  }

  fail(key: string): void {
    const recent = this.prune(key);
    recent.push(this.now());
    this.failures.set(key, recent);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(key: string): number[] {
    const cutoff = this.now() - this.rule.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent;
  }
}

const KEY = Symbol.for("coflex.signInThrottle");
type Holder = { [KEY]?: { account: FailureThrottle; ip: FailureThrottle } };

/** Shared by every copy of this module in the process (tsx server and Next bundle). */
export function signInThrottles(): { account: FailureThrottle; ip: FailureThrottle } {
  const holder = globalThis as Holder;
  holder[KEY] ??= {
    account: new FailureThrottle({ limit: 5, windowMs: 15 * 60_000 }),
    ip: new FailureThrottle({ limit: 30, windowMs: 15 * 60_000 }),
  };
  return holder[KEY];
}
