import { describe, expect, it } from "vitest";
import { createSignInThrottles } from "./throttle";

const rules = { account: { limit: 3, windowMs: 60_000 }, ip: { limit: 10, windowMs: 60_000 } };

describe("sign-in throttle (in memory, without REDIS_URL)", () => {
  it("blocks a key after the limit of failures inside the window and says for how long", async () => {
    const t = createSignInThrottles({ secret: "s".repeat(32), rules });
    expect(t.store).toBe("memory");
    for (let i = 0; i < 3; i++) {
      expect(await t.account.retryAfter("a@x")).toBe(0);
      await t.account.fail("a@x");
    }
    const wait = await t.account.retryAfter("a@x");
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await t.account.retryAfter("b@x")).toBe(0);
  });

  it("forgets a key's failures on reset (a successful sign-in)", async () => {
    const t = createSignInThrottles({ secret: "s".repeat(32), rules });
    await t.account.fail("k");
    await t.account.fail("k");
    await t.account.reset("k");
    await t.account.fail("k");
    await t.account.fail("k");
    expect(await t.account.retryAfter("k")).toBe(0);
    await t.account.fail("k");
    expect(await t.account.retryAfter("k")).toBeGreaterThan(0);
  });
});
