import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignInError, signInWithPassword } from "../../lib/auth/signIn";
import { createSignInThrottles, type SignInThrottles } from "../../lib/auth/throttle";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { createTestDb, type TestDb } from "../support/testDb";

// Only collected when REDIS_URL is set (vitest.config.ts): CI runs it against the machine's Redis.
const redisUrl = process.env.REDIS_URL as string;
// A fresh secret per run: the counts of earlier runs (and of other deployments on this Redis) are not ours.
const secret = randomBytes(24).toString("hex");

let t: TestDb;
let world: TestWorld;
const opened: SignInThrottles[] = [];

/** Smaller limits than production's (5 per account, 30 per IP) where the count itself is not the point: each failed attempt costs a password hash. */
const SMALL = { account: { limit: 2, windowMs: 15 * 60_000 }, ip: { limit: 4, windowMs: 15 * 60_000 } };

function node(options: { redisUrl?: string; secret?: string; rules?: typeof SMALL } = {}): SignInThrottles {
  const throttles = createSignInThrottles({ redisUrl: options.redisUrl ?? redisUrl, secret: options.secret ?? secret, rules: options.rules });
  opened.push(throttles);
  return throttles;
}

async function attempt(throttles: SignInThrottles, email: string, password: string, ip: string): Promise<string> {
  try {
    await signInWithPassword({ db: t.db, throttles }, { email, password }, ip);
    return "signed in";
  } catch (error) {
    if (error instanceof SignInError) return error.message;
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
});

afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
  await t?.close();
});

describe("sign-in throttle in Redis, shared by every node", () => {
  it("counts failed sign-ins made through node A on node B, which then refuses even the right password", async () => {
    const a = node();
    const b = node();
    expect([a.store, b.store]).toEqual(["redis", "redis"]);
    const email = world.trainee.email;
    for (let i = 0; i < 5; i++) {
      // Alternate source IPs: the account count, not the IP count, is what trips here.
      expect(await attempt(a, email, "wrong password", `10.0.0.${i}`)).toMatch(/do not match/);
    }
    expect(await attempt(b, email, world.password, "10.0.1.1")).toMatch(/^Too many failed sign-ins\. Try again in 15 minutes\.$/);
    // A third node started later sees the same count.
    expect(await attempt(node(), email, world.password, "10.0.1.2")).toMatch(/Too many failed sign-ins/);
    // Another account is not affected.
    expect(await attempt(b, world.supervisor.email, world.password, "10.0.1.1")).toBe("signed in");
  });

  it("counts failures per IP across nodes too", async () => {
    const ipSecret = randomBytes(24).toString("hex");
    const a = node({ rules: SMALL, secret: ipSecret });
    const b = node({ rules: SMALL, secret: ipSecret });
    const ip = "192.0.2.10";
    for (let i = 0; i < 4; i++) await attempt(i % 2 === 0 ? a : b, `nobody-${i}@coflex.test`, "guess", ip);
    expect(await attempt(b, world.instructor.email, world.password, ip)).toMatch(/Too many failed sign-ins/);
    expect(await attempt(a, world.instructor.email, world.password, "198.51.100.7")).toBe("signed in");
  });

  it("stores neither email addresses nor IPs in Redis, and keeps deployments with another secret apart", async () => {
    const redis = new Redis(redisUrl);
    try {
      const keys = await redis.keys("coflex:signin:*");
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k) => k.includes("@") || k.includes("10.0.") || k.includes("192.0.2."))).toEqual([]);
    } finally {
      redis.disconnect();
    }
    // The trainee is blocked for this deployment, not for one with another secret on the same Redis.
    expect(await attempt(node({ secret: randomBytes(24).toString("hex") }), world.trainee.email, world.password, "10.0.2.1")).toBe("signed in");
  });

  it("falls back to the node's own memory when Redis cannot be reached, still throttling", async () => {
    const offline = node({ redisUrl: "redis://127.0.0.1:1", rules: SMALL });
    for (let i = 0; i < 2; i++) expect(await attempt(offline, world.outsider.email, "wrong", "10.0.3.1")).toMatch(/do not match/);
    expect(await attempt(offline, world.outsider.email, world.password, "10.0.3.1")).toMatch(/Too many failed sign-ins/);
  });
});
