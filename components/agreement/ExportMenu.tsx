"use client";

import { useEffect, useId, useRef, useState } from "react";
import { DIMENSIONS, dimensionLabel, codeLabel, POLARITIES } from "@/lib/domain/codebook";

/**
 * "Export ▾": plain download links to GET /api/exercises/:id/export (lib/export/README.md). The server
 * decides what each file holds. Every format has the agreement API's visibility (a blind coder gets 404
 * before the reveal), so callers render this menu only for a viewer who may see agreement.
 */

export interface ExportMenuProps {
  exerciseId: string;
  /** Button look: the coding bar uses the small button. */
  compact?: boolean;
}

const MATRIX_CHOICES: Array<{ value: string; label: string }> = [
  { value: "pooled", label: "All codes (pooled code sets)" },
  ...DIMENSIONS.map((d) => ({ value: d, label: `${dimensionLabel(d)} (none / flexible / inflexible / both)` })),
  ...DIMENSIONS.flatMap((d) => POLARITIES.map((p) => ({ value: `${d}.${p}`, label: `${codeLabel(d, p)} present (1/0)` }))),
];

export function ExportMenu({ exerciseId, compact }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [variable, setVariable] = useState("pooled");
  const ref = useRef<HTMLDetailsElement>(null);
  const selectId = useId();
  const base = `/api/exercises/${encodeURIComponent(exerciseId)}/export`;
  const href = (query: string) => `${base}?${query}`;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (ref.current && e.target instanceof Node && !ref.current.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        ref.current?.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <details
      ref={ref}
      className="export-menu"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      // The coding page's single-key shortcuts must not fire while choosing an export.
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape" && open) {
          setOpen(false);
          ref.current?.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className={`btn${compact ? " btn-small" : ""}`} aria-label="Export this exercise">
        Export ▾
      </summary>
      <div className="export-panel">
        <p className="export-head">Codes</p>
        <ul>
          <li>
            <a href={href("format=csv")} download data-format="csv">
              CSV <span className="muted small">— one row per code</span>
            </a>
          </li>
          <li>
            <a href={href("format=json")} download data-format="json">
              JSON <span className="muted small">— codes, turns, coders, codebook</span>
            </a>
          </li>
          <li className="export-matrix">
            <label htmlFor={selectId}>Matrix for R / Python</label>
            <span className="export-matrix-row">
              <select id={selectId} value={variable} onChange={(e) => setVariable(e.target.value)}>
                {MATRIX_CHOICES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
              <a className="btn btn-small" href={href(`format=matrix&variable=${encodeURIComponent(variable)}${variable === "pooled" ? "&values=labels" : ""}`)} download data-format="matrix">
                Download
              </a>
            </span>
            <span className="muted small">turns × coders; NA where a coder hasn&apos;t looked at a turn</span>
          </li>
          <li>
            <a href={href("format=qdpx")} download data-format="qdpx">
              REFI-QDA project (.qdpx) <span className="muted small">— ATLAS.ti, MAXQDA, NVivo, QualCoder</span>
            </a>
          </li>
        </ul>
        <p className="export-head">Agreement</p>
        <ul>
          <li>
            <a href={href("format=agreement-csv")} download data-format="agreement-csv">
              Agreement CSV <span className="muted small">— every statistic, variable and pair</span>
            </a>
          </li>
          <li>
            <a href={href("format=agreement-json")} download data-format="agreement-json">
              Agreement JSON <span className="muted small">— the full stored run</span>
            </a>
          </li>
        </ul>
        <p className="muted small export-note">Files hold only the codes you may see here. Every export is recorded in the audit log.</p>
      </div>
    </details>
  );
}
