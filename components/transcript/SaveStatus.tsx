import type { ConnectionState } from "@/lib/collab/useCollabRoom";
import { StatusPill, connectionStatus } from "./StatusPill";

/** Saved only after the server's ack; offline says plainly that changes are kept on this device. */
export function SaveStatus({ state, editable }: { state: ConnectionState; editable: boolean }) {
  const status = connectionStatus(state, {
    signedOut: "Signed out — sign in again to continue",
    denied: "No access to this transcript",
    loading: "Loading…",
  }) ?? (editable ? { text: "Saved ✓", tone: "saved" as const } : { text: "Read only · live", tone: "saved" as const });
  return <StatusPill status={status} />;
}
