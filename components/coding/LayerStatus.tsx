"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { ConnectionState } from "@/lib/collab/useCollabRoom";
import { StatusPill, connectionStatus } from "../transcript/StatusPill";

type WatchConnection = "connecting" | "online" | "offline";

/** The page's presence socket: all a watcher (no layer of their own) has to go by. A retry after a drop stays "offline". */
function useProviderConnection(provider: WebsocketProvider | null): WatchConnection {
  const [connection, setConnection] = useState<WatchConnection>(provider?.wsconnected === false ? "connecting" : "online");
  useEffect(() => {
    if (!provider) return;
    const onStatus = ({ status }: { status: string }) =>
      setConnection((prev) => (status === "connected" ? "online" : status === "disconnected" ? "offline" : prev === "offline" ? "offline" : "connecting"));
    setConnection(provider.wsconnected ? "online" : "connecting");
    provider.on("status", onStatus);
    return () => provider.off("status", onStatus);
  }, [provider]);
  return connection;
}

/**
 * The honest save state of the viewer's own codes: Saved only after the server's ack. A watcher saves
 * nothing, but "Watching" while the connection is down would promise live codes that are not coming.
 */
export function LayerStatus({ state, canCode, submitted, presence }: { state: ConnectionState | null; canCode: boolean; submitted: boolean; presence: WebsocketProvider | null }) {
  const watching = useProviderConnection(state === null ? presence : null);
  if (state === null) {
    if (watching === "offline") return <StatusPill status={{ text: "Offline — reconnecting…", tone: "offline" }} />;
    return <StatusPill status={{ text: "Watching · read only", tone: "saved" }} />;
  }
  const status = connectionStatus(state, {
    signedOut: "Signed out — sign in again to keep coding",
    denied: "Your codes can't be opened — reload the page",
    loading: "Loading codes…",
  }) ?? { text: canCode ? "Saved ✓" : submitted ? "Submitted ✓ · read only" : "Saved ✓ · read only", tone: "saved" as const };
  return <StatusPill status={status} />;
}
