"use client";

import { formatTime } from "@/components/editor/formatTime";
import { pieces, ROLE_LABELS } from "./reviewModel";
import type { PreviewTurn, SpeakerRole } from "./types";

interface Props {
  turns: readonly PreviewTurn[];
  turnCount: number;
  roles: Readonly<Record<string, SpeakerRole>>;
  labels: Readonly<Record<string, string>>;
  /** Accepted replacements per turn index, with the pseudonym that will be stored. */
  accepted: ReadonlyMap<number, ReadonlyArray<{ start: number; end: number; pseudonym: string }>>;
}

/** The first turns as they will be stored: speaker shown by their new label, pseudonyms in place. */
export function TurnPreview({ turns, turnCount, roles, labels, accepted }: Props) {
  const more = turnCount - turns.length;
  return (
    <>
      <ol className="import-turns card" aria-label="First turns of the transcript">
        {turns.map((turn) => {
          const role = roles[turn.speaker] ?? turn.role;
          return (
            <li key={turn.index} className="import-turn" data-role={role}>
              <div className="import-turn-meta">
                <span className="time">
                  <span className="import-turn-number">#{turn.index + 1}</span> {turn.start === null ? "" : formatTime(turn.start)}
                </span>
                <span className="speaker">{labels[turn.speaker] ?? turn.speaker}</span>
                <span className="sr-only">({ROLE_LABELS[role]})</span>
              </div>
              <div className="import-turn-text">
                {pieces(turn.text, accepted.get(turn.index) ?? []).map((piece, i) =>
                  piece.kind === "kept" ? (
                    <span key={i}>{piece.text}</span>
                  ) : (
                    <mark key={i} className="import-pseudonym" title={`Replaces “${piece.original}”`}>
                      {piece.pseudonym}
                    </mark>
                  ),
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {more > 0 && (
        <p className="small muted">
          …and {more} more {more === 1 ? "turn" : "turns"}. All {turnCount} are imported; the list of identifiers above covers every turn.
        </p>
      )}
    </>
  );
}
