import { describe, expect, it } from "vitest";
import { parseRoomName, roomName } from "./roomName";

describe("room names", () => {
  it("parses the three room kinds and prints them back unchanged", () => {
    for (const name of ["tx:abc-123", "layer:ex1:user_9", "consensus:ex1"]) {
      const room = parseRoomName(name);
      expect(room).not.toBeNull();
      expect(roomName(room!)).toBe(name);
    }
    expect(parseRoomName("layer:ex1:u2")).toEqual({ kind: "layer", exerciseId: "ex1", coderId: "u2" });
  });

  it("rejects unknown kinds, missing or extra parts, path tricks and over-long names", () => {
    for (const name of ["", "tx", "tx:", "doc:1", "tx:a:b", "layer:ex1", "consensus:a:b", "tx:../etc", "tx:a b", "tx:%2e", `tx:${"a".repeat(65)}`, "x".repeat(300)]) {
      expect(parseRoomName(name), name).toBeNull();
    }
  });
});
