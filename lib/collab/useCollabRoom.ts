"use client";

import * as encoding from "lib0/encoding";
import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { COLLAB_PATH } from "./roomName";
import { MESSAGE_SAVED, MESSAGE_SYNC } from "./protocol";
import { SaveTracker } from "./saveTracker";

export type ConnectionState =
  | { kind: "connecting" }
  /** pending: unacknowledged write frames (Saved only at 0); changes: the same as a person counts them. */
  | { kind: "online"; synced: boolean; pending: number; changes: number }
  | { kind: "offline"; pending: number; changes: number }
  | { kind: "denied"; code: number; reason: string };

export interface CollabRoom {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export function collabBaseUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}${COLLAB_PATH.replace(/\/$/, "")}`;
}

/**
 * One Y.Doc and one socket for a room, created in an effect and destroyed in its cleanup (StrictMode
 * mounts twice). The "saved" handler is registered before connect() so no ack can be missed.
 */
export function useCollabRoom(room: string, options: { gc?: boolean } = {}): { room: CollabRoom | null; state: ConnectionState } {
  const [current, setCurrent] = useState<CollabRoom | null>(null);
  const [state, setState] = useState<ConnectionState>({ kind: "connecting" });
  const gc = options.gc ?? true;

  useEffect(() => {
    const doc = new Y.Doc({ gc });
    const provider = new WebsocketProvider(collabBaseUrl(), room, doc, { connect: false, disableBc: true, maxBackoffTime: 5000 });
    const tracker = new SaveTracker();
    let denied: { code: number; reason: string } | null = null;
    // "Connecting…" is the first connection only: a retry after a drop is still offline, and says so.
    let everConnected = false;

    const publish = () => {
      if (denied !== null) setState({ kind: "denied", ...denied });
      else if (provider.wsconnected) setState({ kind: "online", synced: provider.synced, pending: tracker.pending(), changes: tracker.pendingChanges() });
      else if (provider.wsconnecting && tracker.pending() === 0 && !provider.synced && !everConnected) setState({ kind: "connecting" });
      else setState({ kind: "offline", pending: tracker.pending(), changes: tracker.pendingChanges() });
    };

    const originalSync = provider.messageHandlers[MESSAGE_SYNC];
    provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, messageType) => {
      originalSync?.(encoder, decoder, p, emitSynced, messageType);
      // A reply beyond the type byte is our step 2 answering the server's step 1.
      if (encoding.length(encoder) > 1) tracker.sentStep2();
      publish();
    };
    provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      tracker.readAck(decoder);
      publish();
    };

    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      tracker.localChange(provider.wsconnected);
      publish();
    };
    doc.on("update", onUpdate);
    provider.on("status", ({ status }) => {
      if (status === "connected") {
        everConnected = true;
        tracker.connected();
      }
      if (status === "disconnected") tracker.disconnected();
      publish();
    });
    provider.on("sync", publish);
    provider.on("closed", (event) => {
      // The reason tells a quota stop (4413) apart from a refusal, so the page can say which in words.
      denied = { code: event.code, reason: event.reason };
      publish();
    });

    provider.connect();
    setCurrent({ doc, provider });
    publish();
    return () => {
      doc.off("update", onUpdate);
      provider.destroy();
      doc.destroy();
      setCurrent(null);
    };
  }, [room, gc]);

  return { room: current, state };
}
