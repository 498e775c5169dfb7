import type { BrowserContext } from "@playwright/test";
import { roomName, transcriptRoom } from "../../../lib/collab/roomName";
import { anchorTurn } from "../../../lib/domain/anchoring";
import type { Dimension, Polarity } from "../../../lib/domain/codebook";
import { codesMap, putCode, reviewedMap, setReviewed } from "../../../lib/domain/layerDoc";
import { type Turn, readTurns } from "../../../lib/domain/transcriptDoc";
import { type TestClient, connectClient } from "../../support/collabClient";

/**
 * Writes a coder's layer the way a third-party client may (CONTRACTS §5): whole-turn codes and reviewed
 * marks over the coder's own session. Lets a spec build a fuller session than keyboard coding would in
 * reasonable time; the pages then read it exactly as they read codes made in the browser.
 */

export interface SeedCode {
  turn: number;
  dimension: Dimension;
  polarity: Polarity;
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  if (!session) throw new Error("the context is not signed in");
  return `${session.name}=${session.value}`;
}

async function allSaved(client: TestClient, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const socket = client.socket();
    if (socket.writesSent > 0 && socket.saved >= socket.writesSent) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the layer was not saved in time");
}

/** The transcript's turns, read over a coder's session. */
export async function readTranscriptTurns(baseURL: string, context: BrowserContext, transcriptId: string): Promise<Turn[]> {
  const tx = connectClient(wsUrl(baseURL), transcriptRoom(transcriptId), await sessionCookie(context));
  try {
    await tx.synced();
    return readTurns(tx.doc);
  } finally {
    tx.destroy();
  }
}

function wsUrl(baseURL: string): string {
  return `${baseURL.replace(/^http/, "ws")}/collab`;
}

/** Writes `codes` into the signed-in coder's layer and marks turns 0 … reviewedUpTo reviewed; resolves once saved. */
export async function seedLayer(
  baseURL: string,
  context: BrowserContext,
  exercise: { id: string; transcriptId: string },
  coderId: string,
  codes: readonly SeedCode[],
  reviewedUpTo: number,
): Promise<void> {
  const cookie = await sessionCookie(context);
  const tx = connectClient(wsUrl(baseURL), transcriptRoom(exercise.transcriptId), cookie);
  const layer = connectClient(wsUrl(baseURL), roomName({ kind: "layer", exerciseId: exercise.id, coderId }), cookie);
  try {
    await Promise.all([tx.synced(), layer.synced()]);
    const turns = readTurns(tx.doc);
    layer.doc.transact(() => {
      codes.forEach((code, i) => {
        const turn = turns[code.turn];
        const anchor = turn ? anchorTurn(tx.doc, turn.id) : null;
        if (!anchor) throw new Error(`no turn ${code.turn} to code`);
        putCode(layer.doc, `seed-${coderId.slice(0, 8)}-${i}`, { ...anchor, dimension: code.dimension, polarity: code.polarity, at: Date.now() + i });
      });
    });
    setReviewed(
      layer.doc,
      turns.slice(0, reviewedUpTo + 1).map((t) => t.id),
      true,
    );
    await allSaved(layer);
  } finally {
    layer.destroy();
    tx.destroy();
  }
}

/**
 * Empties the signed-in coder's layer (codes and reviewed marks): specs share one database, and others
 * expect the demo exercise uncoded.
 */
export async function clearLayer(baseURL: string, context: BrowserContext, exerciseId: string, coderId: string): Promise<void> {
  const layer = connectClient(wsUrl(baseURL), roomName({ kind: "layer", exerciseId, coderId }), await sessionCookie(context));
  try {
    await layer.synced();
    layer.doc.transact(() => {
      codesMap(layer.doc).clear();
      reviewedMap(layer.doc).clear();
    });
    await allSaved(layer);
  } finally {
    layer.destroy();
  }
}
