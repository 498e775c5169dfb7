import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { safeErrorFields } from "./safeError";
import type { CollabLogger } from "./types";

/**
 * Fan-out between server nodes that hold the same room (the Hocuspocus Redis model). Redis carries
 * document updates and awareness, never stores anything: PostgreSQL stays the only durable store, and
 * the node that received an update is the one that persists it. A node that may have missed messages
 * (Redis reconnected) is told to resync, and reloads the room's state from the database.
 */
export type RelayMessage = { kind: "update"; bytes: Uint8Array } | { kind: "awareness"; bytes: Uint8Array } | { kind: "resync" };

export interface RoomRelay {
  /** Resolves once the subscription is live: subscribe before loading from the database, so nothing falls between. */
  subscribe(room: string, handler: (message: RelayMessage) => void): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  publish(room: string, kind: "update" | "awareness", bytes: Uint8Array): void;
  close(): Promise<void>;
}

/** The Yjs transaction origin of updates and presence that came from another node. */
export const RELAY_ORIGIN = Symbol("relay");

/** Presence travels with the id of the user it belongs to, so the receiving node applies its visibility rules. */
export function encodeRelayedAwareness(sender: string, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, sender);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function decodeRelayedAwareness(bytes: Uint8Array): { sender: string; update: Uint8Array } | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    return { sender: decoding.readVarString(decoder), update: decoding.readVarUint8Array(decoder) };
  } catch {
    return null;
  }
}

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const NODE_ID_BYTES = 8;
const CHANNEL_PREFIX = "coflex:room:";

export async function createRedisRelay(url: string, logger: CollabLogger): Promise<RoomRelay> {
  const nodeId = randomBytes(NODE_ID_BYTES);
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true } as const;
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  const handlers = new Map<string, (message: RelayMessage) => void>();
  for (const client of [publisher, subscriber]) {
    client.on("error", (err: unknown) => logger.warn("collab.redis_error", safeErrorFields(err)));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);

  let readyOnce = false;
  subscriber.on("ready", () => {
    // The first "ready" is the initial connect; later ones follow a drop, during which messages were lost.
    if (!readyOnce) {
      readyOnce = true;
      return;
    }
    logger.warn("collab.redis_resync", { rooms: handlers.size });
    for (const handler of handlers.values()) handler({ kind: "resync" });
  });
  readyOnce = subscriber.status === "ready";

  subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    const room = channel.toString("utf8").slice(CHANNEL_PREFIX.length);
    const handler = handlers.get(room);
    if (!handler || message.length < NODE_ID_BYTES + 1) return;
    if (message.subarray(1, 1 + NODE_ID_BYTES).equals(nodeId)) return;
    const bytes = new Uint8Array(message.subarray(1 + NODE_ID_BYTES));
    handler(message[0] === KIND_AWARENESS ? { kind: "awareness", bytes } : { kind: "update", bytes });
  });

  return {
    async subscribe(room, handler) {
      handlers.set(room, handler);
      await subscriber.subscribe(CHANNEL_PREFIX + room);
    },
    async unsubscribe(room) {
      handlers.delete(room);
      await subscriber.unsubscribe(CHANNEL_PREFIX + room).catch(() => undefined);
    },
    publish(room, kind, bytes) {
      const frame = Buffer.concat([Buffer.from([kind === "update" ? KIND_UPDATE : KIND_AWARENESS]), nodeId, Buffer.from(bytes)]);
      publisher.publish(CHANNEL_PREFIX + room, frame).catch((err: unknown) => logger.warn("collab.redis_publish_failed", safeErrorFields(err)));
    },
    async close() {
      handlers.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
