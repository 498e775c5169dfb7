import type { CohortRole } from "@/lib/auth/can";

export interface SetupMember {
  id: string;
  name: string;
  email: string;
  role: CohortRole;
}

export interface CoderPickerProps {
  id: string;
  members: ReadonlyArray<SetupMember>;
  selected: ReadonlyArray<string>;
  viewerId: string;
  onChange: (next: string[]) => void;
  invalid: boolean;
  describedBy?: string;
}

const ROLE_ORDER: Record<CohortRole, number> = { trainee: 0, supervisor: 1, instructor: 2 };

/** The cohort's members as checkboxes (trainees first), with one-click "all trainees". */
export function CoderPicker({ id, members, selected, viewerId, onChange, invalid, describedBy }: CoderPickerProps) {
  const sorted = [...members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
  const traineeIds = sorted.filter((m) => m.role === "trainee").map((m) => m.id);
  const allTrainees = traineeIds.length > 0 && traineeIds.every((t) => selected.includes(t));
  const toggle = (memberId: string, on: boolean) => {
    const next = on ? [...selected, memberId] : selected.filter((s) => s !== memberId);
    // Keep the cohort's order, so the list a server receives does not depend on click order.
    onChange(sorted.map((m) => m.id).filter((m) => next.includes(m)));
  };
  return (
    <fieldset className="coder-picker" id={id} data-invalid={invalid ? "" : undefined} aria-describedby={describedBy}>
      <legend>
        Coders <span className="muted small">({selected.length} of {members.length} chosen)</span>
      </legend>
      <div className="coder-picker-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange(sorted.map((m) => m.id).filter((m) => selected.includes(m) || traineeIds.includes(m)))}
          disabled={traineeIds.length === 0 || allTrainees}
        >
          Select all trainees ({traineeIds.length})
        </button>
        <button type="button" className="btn btn-small" onClick={() => onChange([])} disabled={selected.length === 0}>
          Clear
        </button>
      </div>
      <ul className="coder-list">
        {sorted.map((m) => (
          <li key={m.id}>
            <label>
              <input type="checkbox" checked={selected.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              <span className="coder-name">
                {m.name}
                {m.id === viewerId && <span className="muted"> (you)</span>}
              </span>
              <span className={`badge badge-role-${m.role}`}>{m.role}</span>
              <span className="muted small coder-email">{m.email}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
