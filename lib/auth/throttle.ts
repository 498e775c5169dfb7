import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Sign-in throttling per account and per IP: at most `limit` failures in a window that starts at the first
 * failure. With REDIS_URL the counts live in Redis (rate-limiter-flexible's atomic counters), so failures on
 * one node count on every other node behind the balancer; without it, in this process's memory. If Redis
 * is unreachable the node falls back to its own memory counts rather than letting guesses through.
 * Keys are hashed with the session secret: no email address or IP is stored in Redis, and deployments (or
 * test runs) sharing one Redis but not a secret never see each other's counts.
 */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export interface FailureThrottle {
  /** Milliseconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export interface SignInThrottles {
  account: FailureThrottle;
  ip: FailureThrottle;
  /** "redis" when the counts are shared between nodes. */
  store: "redis" | "memory";
  close(): Promise<void>;
}

export const SIGN_IN_RULES: Readonly<Record<"account" | "ip", ThrottleRule>> = {
  account: { limit: 5, windowMs: 15 * 60_000 },
  ip: { limit: 30, windowMs: 15 * 60_000 },
};

class LimiterThrottle implements FailureThrottle {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly limit: number,
    private readonly salt: string,
  ) {}

  private key(key: string): string {
    return createHash("sha256").update(this.salt).update("\0").update(key).digest("base64url").slice(0, 32);
  }

  async retryAfter(key: string): Promise<number> {
    const res = await this.limiter.get(this.key(key));
    return res !== null && res.consumedPoints >= this.limit ? Math.max(1, res.msBeforeNext) : 0;
  }

  async fail(key: string): Promise<void> {
    await this.limiter.penalty(this.key(key), 1);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(this.key(key));
  }
}

function memoryLimiter(name: string, rule: ThrottleRule): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: `coflex:signin:${name}`, points: rule.limit, duration: Math.ceil(rule.windowMs / 1000) });
}

export function createSignInThrottles(options: { redisUrl?: string; secret: string; rules?: Readonly<Record<"account" | "ip", ThrottleRule>> }): SignInThrottles {
  const rules = options.rules ?? SIGN_IN_RULES;
  // The salt is a digest of the secret, so the secret itself never leaves the process.
  const salt = createHash("sha256").update(`coflex-signin:${options.secret}`).digest("hex");
  if (!options.redisUrl) {
    return {
      account: new LimiterThrottle(memoryLimiter("account", rules.account), rules.account.limit, salt),
      ip: new LimiterThrottle(memoryLimiter("ip", rules.ip), rules.ip.limit, salt),
      store: "memory",
      close: async () => undefined,
    };
  }
  // Commands wait for the first connection (a node that just started must not answer from an empty memory),
  // but not for long: while Redis is away a command fails within a second and the in-memory insurance
  // limiter answers instead.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1_000, connectTimeout: 1_000 });
  redis.on("error", () => undefined);
  const redisLimiter = (name: "account" | "ip") =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `coflex:signin:${name}`,
      points: rules[name].limit,
      duration: Math.ceil(rules[name].windowMs / 1000),
      insuranceLimiter: memoryLimiter(name, rules[name]),
    });
  return {
    account: new LimiterThrottle(redisLimiter("account"), rules.account.limit, salt),
    ip: new LimiterThrottle(redisLimiter("ip"), rules.ip.limit, salt),
    store: "redis",
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

const KEY = Symbol.for("coflex.signInThrottle");
type Holder = { [KEY]?: SignInThrottles };

/** One set per process, shared by every copy of this module (tsx server and Next bundle). */
export function signInThrottles(config: { redisUrl?: string; secret: string }): SignInThrottles {
  const holder = globalThis as Holder;
  holder[KEY] ??= createSignInThrottles(config);
  return holder[KEY];
}

/** At shutdown: lets go of the Redis connection, if any. */
export async function closeSignInThrottles(): Promise<void> {
  const holder = globalThis as Holder;
  const throttles = holder[KEY];
  delete holder[KEY];
  await throttles?.close();
}
