"use client";

import { ROLE_LABELS } from "./reviewModel";
import type { PreviewSpeaker, SpeakerRole } from "./types";

const ROLES: readonly SpeakerRole[] = ["therapist", "client", "other"];

interface Props {
  speakers: readonly PreviewSpeaker[];
  roles: Readonly<Record<string, SpeakerRole>>;
  labels: Readonly<Record<string, string>>;
  /** What the reviewer typed, possibly empty (then the proposal in `labels` is used, shown as the placeholder). */
  edits: Readonly<Record<string, string>>;
  disabled: boolean;
  onRole: (speaker: string, role: SpeakerRole) => void;
  onLabel: (speaker: string, label: string) => void;
}

/** Each speaker in the file → therapist / client / other, and the name Coflex will show for them. */
export function SpeakerTable({ speakers, roles, labels, edits, disabled, onRole, onLabel }: Props) {
  const anyName = speakers.some((s) => s.looksLikeName);
  const hasClient = speakers.some((s) => (roles[s.speaker] ?? s.role) === "client");
  const hasTherapist = speakers.some((s) => (roles[s.speaker] ?? s.role) === "therapist");
  return (
    <>
      <table className="table import-speakers">
        <caption className="sr-only">Speakers in the file, their role and the name shown in Coflex</caption>
        <thead>
          <tr>
            <th scope="col">Speaker in the file</th>
            <th scope="col">Turns</th>
            <th scope="col">Role</th>
            <th scope="col">Shown in Coflex as</th>
          </tr>
        </thead>
        <tbody>
          {speakers.map((s) => (
            <tr key={s.speaker}>
              <th scope="row">
                {s.speaker}
                {s.looksLikeName && <span className="badge import-badge-name">looks like a name</span>}
              </th>
              <td>{s.turnCount}</td>
              <td>
                <select
                  aria-label={`Role of “${s.speaker}”`}
                  value={roles[s.speaker] ?? s.role}
                  disabled={disabled}
                  onChange={(e) => onRole(s.speaker, e.target.value as SpeakerRole)}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label={`Name shown for “${s.speaker}”`}
                  value={edits[s.speaker] ?? labels[s.speaker] ?? s.speaker}
                  placeholder={labels[s.speaker] ?? s.speaker}
                  maxLength={80}
                  disabled={disabled}
                  onChange={(e) => onLabel(s.speaker, e.target.value)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {anyName && (
        <p className="small muted">
          Speaker labels that look like people’s names are shown by their role instead, so the stored transcript names nobody. You can change what is shown.
        </p>
      )}
      {(!hasClient || !hasTherapist) && (
        <p className="alert alert-warn small" role="note">
          {!hasClient && !hasTherapist
            ? "No speaker is marked as the therapist or the client yet. Choose each speaker’s role: FAD codes go on client turns."
            : !hasClient
              ? "No speaker is marked as the client yet. FAD process codes go on client turns, so choose who the client is."
              : "No speaker is marked as the therapist yet. Choose who the therapist is."}
        </p>
      )}
    </>
  );
}
