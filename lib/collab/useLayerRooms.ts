"use client";

import { useEffect, useRef, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { COLLAB_PATH } from "./roomName";

export type LayerRoomState = "connecting" | "online" | "offline" | "denied";

export interface LayerRoom {
  room: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: LayerRoomState;
  /** The close code when the server refused the room (4401/4403). */
  closeCode: number | null;
}

interface Entry extends LayerRoom {
  teardown: () => void;
}

function collabBaseUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}${COLLAB_PATH.replace(/\/$/, "")}`;
}

/**
 * Read-only sockets to other coders' layers for the coding page. The list can change while the page is
 * open (a reveal opens everyone's layers): rooms still wanted keep their socket and doc, new ones connect,
 * dropped ones are destroyed. The caller caps the list — a tab keeps only a handful of sockets.
 */
export function useLayerRooms(rooms: readonly string[]): LayerRoom[] {
  const entries = useRef(new Map<string, Entry>());
  const [snapshot, setSnapshot] = useState<LayerRoom[]>([]);
  const key = rooms.join("\n");

  useEffect(() => {
    const wanted = key === "" ? [] : key.split("\n");
    const map = entries.current;
    const publish = () => {
      setSnapshot(wanted.map((room) => map.get(room)).filter((e): e is Entry => e !== undefined).map(({ teardown: _t, ...room }) => ({ ...room })));
    };
    for (const [room, entry] of map) {
      if (!wanted.includes(room)) {
        entry.teardown();
        map.delete(room);
      }
    }
    for (const room of wanted) {
      if (map.has(room)) continue;
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(collabBaseUrl(), room, doc, { connect: false, disableBc: true, maxBackoffTime: 5000 });
      const entry: Entry = { room, doc, provider, state: "connecting", closeCode: null, teardown: () => undefined };
      const update = () => {
        if (entry.closeCode !== null) entry.state = "denied";
        else if (provider.wsconnected) entry.state = provider.synced ? "online" : "connecting";
        else entry.state = provider.wsconnecting && !provider.synced ? "connecting" : "offline";
        publish();
      };
      provider.on("status", update);
      provider.on("sync", update);
      // Emitted once the server refused for good (4400–4499): y-websocket stops reconnecting.
      provider.on("closed", (event) => {
        entry.closeCode = event.code;
        update();
      });
      entry.teardown = () => {
        provider.destroy();
        doc.destroy();
      };
      map.set(room, entry);
      provider.connect();
    }
    publish();
  }, [key]);

  useEffect(() => {
    const map = entries.current;
    return () => {
      for (const entry of map.values()) entry.teardown();
      map.clear();
    };
  }, []);

  return snapshot;
}
