import { describe, expect, it } from "vitest";
import { formatTime } from "./formatTime";

describe("formatTime", () => {
  it("prints mm:ss under an hour and h:mm:ss above, and nothing for a missing time", () => {
    expect(formatTime(0)).toBe("00:00");
    expect(formatTime(192.7)).toBe("03:12");
    expect(formatTime(3725)).toBe("1:02:05");
    expect(formatTime(null)).toBe("");
    expect(formatTime(Number.NaN)).toBe("");
  });
});
