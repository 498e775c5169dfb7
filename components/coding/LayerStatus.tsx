import type { ConnectionState } from "@/lib/collab/useCollabRoom";

/** The honest save state of the viewer's own codes: Saved only after the server's ack. */
export function LayerStatus({ state, canCode, submitted }: { state: ConnectionState | null; canCode: boolean; submitted: boolean }) {
  let text: string;
  let tone: string;
  if (state === null) {
    text = "Watching · read only";
    tone = "saved";
  } else {
    switch (state.kind) {
      case "connecting":
        text = "Connecting…";
        tone = "connecting";
        break;
      case "denied":
        text = state.code === 4401 ? "Signed out — sign in again to keep coding" : "Your codes can't be opened — reload the page";
        tone = "offline";
        break;
      case "offline":
        text = state.pending > 0 ? `Offline — changes kept (${state.pending} pending)` : "Offline — reconnecting…";
        tone = "offline";
        break;
      case "online":
        if (!state.synced) {
          text = "Loading codes…";
          tone = "connecting";
        } else if (state.pending > 0) {
          text = "Saving…";
          tone = "saving";
        } else if (!canCode) {
          text = submitted ? "Submitted ✓ · read only" : "Saved ✓ · read only";
          tone = "saved";
        } else {
          text = "Saved ✓";
          tone = "saved";
        }
        break;
    }
  }
  return (
    <span className={`status status-${tone}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}
