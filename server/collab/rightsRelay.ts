import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { z } from "zod";
import { type RightsChange, deliverRightsChange, rightsChangeSchema, setRightsTransport } from "../../lib/collab/rightsBus";
import { safeErrorFields } from "./safeError";
import type { CollabLogger } from "./types";

/** One channel for every node: rights changes are rare (a submit, a reveal, a deletion), never per keystroke. */
export const RIGHTS_CHANNEL = "coflex:rights";

const envelope = z.object({ node: z.string().max(64), change: z.unknown() });

export interface RightsRelay {
  close(): Promise<void>;
}

/**
 * Carries lib/collab/rightsBus across nodes over Redis pub/sub: a change announced on one node reaches
 * every other node's listeners (socket re-checks, agreement, live pushes) within a round trip. Redis holds
 * nothing: a node that was disconnected meanwhile re-checks every open socket when it reconnects.
 */
export async function createRightsRelay(url: string, logger: CollabLogger, onResync: () => void): Promise<RightsRelay> {
  const node = randomBytes(8).toString("hex");
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true } as const;
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  for (const client of [publisher, subscriber]) client.on("error", (err: unknown) => logger.warn("collab.redis_error", safeErrorFields(err)));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(RIGHTS_CHANNEL);
  // Attached after the first connect, so every "ready" here follows a drop: changes published while we were
  // away are lost, and every open socket is re-checked rather than trusted.
  subscriber.on("ready", () => onResync());
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== RIGHTS_CHANNEL) return;
    let parsed: { node: string; change: RightsChange };
    try {
      const outer = envelope.parse(JSON.parse(message));
      parsed = { node: outer.node, change: rightsChangeSchema.parse(outer.change) };
    } catch {
      logger.warn("collab.rights_bad_message");
      return;
    }
    if (parsed.node === node) return;
    logger.info("collab.rights_received", { kind: parsed.change.kind });
    deliverRightsChange(parsed.change);
  });
  setRightsTransport((change) => {
    publisher.publish(RIGHTS_CHANNEL, JSON.stringify({ node, change })).catch((err: unknown) => logger.warn("collab.rights_publish_failed", safeErrorFields(err)));
  });
  return {
    async close() {
      setRightsTransport(null);
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
