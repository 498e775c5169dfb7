import { CLOSE_RATE_LIMITED, CLOSE_TOO_LARGE, QUOTA_REASON_BUDGET, QUOTA_REASON_ROOM } from "@/lib/collab/protocol";
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
      return { text: state.code === 4401 ? words.signedOut : (stoppedMessage(state.code, state.reason) ?? words.denied), tone: "offline" };
    case "offline":
      return { text: state.pending > 0 ? offlineKept(state.changes) : "Offline — reconnecting…", tone: "offline" };
    case "online":
      if (!state.synced) return { text: words.loading, tone: "connecting" };
      if (state.pending > 0) return { text: "Saving…", tone: "saving" };
      return null;
  }
}

/** Why the server stopped taking this page's changes, in words (a quota or an over-eager client), or null. */
export function stoppedMessage(code: number, reason: string): string | null {
  if (code === CLOSE_TOO_LARGE && reason === QUOTA_REASON_ROOM) return "Not saved: this document reached its size limit. Your last change was kept out; ask your instructor.";
  if (code === CLOSE_TOO_LARGE && reason === QUOTA_REASON_BUDGET) return "Paused: too much was written in a short time. Your last change was not saved; reload the page in a minute.";
  if (code === CLOSE_TOO_LARGE) return "Not saved: that change is too large to store. Reload the page and try a smaller one.";
  if (code === CLOSE_RATE_LIMITED) return "Paused: too many changes at once. Reload the page to continue.";
  return null;
}

/** The offline words wherever something is waiting to be saved: the pill, the panel notice, the live region. */
export const KEPT_OFFLINE = "Kept on this device — will save when back online";

function offlineKept(changes: number): string {
  return changes > 0 ? `Offline · ${KEPT_OFFLINE} (${changes} ${changes === 1 ? "change" : "changes"})` : `Offline · ${KEPT_OFFLINE}`;
}

export function StatusPill({ status }: { status: StatusText }) {
  return (
    <span className={`status status-${status.tone}`} role="status" aria-live="polite" data-testid="save-status">
      {status.text}
    </span>
  );
}
