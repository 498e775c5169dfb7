import type { ConnectionState } from "@/lib/collab/useCollabRoom";
import { StatusPill, connectionStatus } from "../transcript/StatusPill";

/** The honest save state of the viewer's own codes: Saved only after the server's ack. */
export function LayerStatus({ state, canCode, submitted }: { state: ConnectionState | null; canCode: boolean; submitted: boolean }) {
  if (state === null) return <StatusPill status={{ text: "Watching · read only", tone: "saved" }} />;
  const status = connectionStatus(state, {
    signedOut: "Signed out — sign in again to keep coding",
    denied: "Your codes can't be opened — reload the page",
    loading: "Loading codes…",
  }) ?? { text: canCode ? "Saved ✓" : submitted ? "Submitted ✓ · read only" : "Saved ✓ · read only", tone: "saved" as const };
  return <StatusPill status={status} />;
}
