import { describe, expect, it } from "vitest";
import { FailureThrottle } from "./throttle";

describe("sign-in throttle", () => {
  it("blocks a key after the limit of failures inside the window and says for how long", () => {
    let now = 1_000_000;
    const t = new FailureThrottle({ limit: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter("a@x")).toBe(0);
      t.fail("a@x");
      now += 1000;
    }
    expect(t.retryAfter("a@x")).toBe(57_000);
    expect(t.retryAfter("b@x")).toBe(0);
  });

  it("lets a key try again once its oldest failures leave the window, and forgets it on success", () => {
    let now = 0;
    const t = new FailureThrottle({ limit: 2, windowMs: 10_000 }, () => now);
    t.fail("k");
    t.fail("k");
    expect(t.retryAfter("k")).toBeGreaterThan(0);
    now = 10_001;
    expect(t.retryAfter("k")).toBe(0);
    t.fail("k");
    t.reset("k");
    t.fail("k");
    expect(t.retryAfter("k")).toBe(0);
  });
});
