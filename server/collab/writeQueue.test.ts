import { describe, expect, it, vi } from "vitest";
import { type AckTarget, RoomWriteQueue } from "./writeQueue";

function target(): AckTarget & { acks: number[] } {
  const acks: number[] = [];
  return { acks, ack: (n) => acks.push(n) };
}

const u = (n: number) => new Uint8Array([n]);

describe("room write queue", () => {
  it("acknowledges a sender only after the batch holding its frame has been persisted, in order", async () => {
    const persisted: number[][] = [];
    let release: () => void = () => undefined;
    const persist = vi.fn((rows: Uint8Array[]) => {
      persisted.push(rows.map((r) => r[0] as number));
      return new Promise<void>((resolve) => (release = resolve));
    });
    const queue = new RoomWriteQueue(persist, { committed: () => undefined, failed: () => undefined });
    const a = target();
    queue.push({ updates: [u(1)], target: a, seq: 1 });
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    // Queued while the first insert is in flight: they go out together as the next single insert.
    queue.push({ updates: [u(2)], target: a, seq: 2 });
    queue.push({ updates: [], target: a, seq: 3 });
    expect(a.acks).toEqual([]);
    release();
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(2));
    expect(a.acks).toEqual([1]);
    release();
    await queue.idle();
    expect(persisted).toEqual([[1], [2]]);
    expect(a.acks).toEqual([1, 3]);
  });

  it("never acknowledges a failed batch or anything queued behind it, and reports the failure once", async () => {
    const failed = vi.fn();
    const queue = new RoomWriteQueue(() => Promise.reject(new Error("db down")), { committed: () => undefined, failed });
    const a = target();
    queue.push({ updates: [u(1)], target: a, seq: 1 });
    queue.push({ updates: [u(2)], target: a, seq: 2 });
    await queue.idle();
    queue.push({ updates: [u(3)], target: a, seq: 3 });
    await queue.idle();
    expect(a.acks).toEqual([]);
    expect(failed).toHaveBeenCalledTimes(1);
  });

  it("acknowledges a frame that changed nothing without touching the database", async () => {
    const persist = vi.fn(() => Promise.resolve());
    const queue = new RoomWriteQueue(persist, { committed: () => undefined, failed: () => undefined });
    const a = target();
    queue.push({ updates: [], target: a, seq: 1 });
    await queue.idle();
    expect(persist).not.toHaveBeenCalled();
    expect(a.acks).toEqual([1]);
  });
});
