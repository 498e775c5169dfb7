import type { ConnectionState } from "@/lib/collab/useCollabRoom";

/** Saved only after the server's ack; offline says plainly that changes are kept on this device. */
export function SaveStatus({ state, editable }: { state: ConnectionState; editable: boolean }) {
  let text: string;
  let tone: string;
  switch (state.kind) {
    case "connecting":
      text = "Connecting…";
      tone = "connecting";
      break;
    case "denied":
      text = state.code === 4401 ? "Signed out — sign in again to continue" : "No access to this transcript";
      tone = "offline";
      break;
    case "offline":
      text = state.pending > 0 ? `Offline — changes kept (${state.pending} pending)` : "Offline — reconnecting…";
      tone = "offline";
      break;
    case "online":
      if (!state.synced) {
        text = "Loading…";
        tone = "connecting";
      } else if (!editable) {
        text = "Read only · live";
        tone = "saved";
      } else if (state.pending > 0) {
        text = "Saving…";
        tone = "saving";
      } else {
        text = "Saved ✓";
        tone = "saved";
      }
      break;
  }
  return (
    <span className={`status status-${tone}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}
