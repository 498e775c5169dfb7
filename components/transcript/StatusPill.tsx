import type { ConnectionState } from "@/lib/collab/useCollabRoom";

export interface StatusText {
  text: string;
  tone: "saved" | "saving" | "offline" | "connecting";
}

/**
 * The words for every state that is not "online and synced", shared by the transcript's and the coding
 * page's save status so both say the same honest thing: Saving… until the server's ack, and offline with
 * changes kept. Returns null when the caller should describe the synced state itself.
 */
export function connectionStatus(state: ConnectionState, words: { denied: string; signedOut: string; loading: string }): StatusText | null {
  switch (state.kind) {
    case "connecting":
      return { text: "Connecting…", tone: "connecting" };
    case "denied":
      return { text: state.code === 4401 ? words.signedOut : words.denied, tone: "offline" };
    case "offline":
      return { text: state.pending > 0 ? `Offline — changes kept (${state.pending} pending)` : "Offline — reconnecting…", tone: "offline" };
    case "online":
      if (!state.synced) return { text: words.loading, tone: "connecting" };
      if (state.pending > 0) return { text: "Saving…", tone: "saving" };
      return null;
  }
}

export function StatusPill({ status }: { status: StatusText }) {
  return (
    <span className={`status status-${status.tone}`} role="status" aria-live="polite" data-testid="save-status">
      {status.text}
    </span>
  );
}
