import type { Codebook, CodebookEntry } from "@/lib/domain/codebook";
import { POLARITIES } from "@/lib/domain/codebook";
import { PoleEditor } from "./PoleEditor";

export interface DimensionCardProps {
  entry: CodebookEntry;
  codebook: Codebook;
  base: Codebook;
  editable: boolean;
  changed: ReadonlySet<string>;
  problems: ReadonlyMap<string, string>;
  onChange: (next: Codebook) => void;
}

/** One dimension: its fixed name, abbreviation and colour, and both poles side by side. */
export function DimensionCard({ entry, codebook, base, editable, changed, problems, onChange }: DimensionCardProps) {
  const headingId = `dim-${entry.dimension}-heading`;
  return (
    <section id={`dim-${entry.dimension}`} className="card codebook-dim" aria-labelledby={headingId} style={{ ["--code-colour" as string]: entry.colour }}>
      <header className="codebook-dim-head">
        <span className="swatch" aria-hidden="true" />
        <h2 id={headingId}>{entry.label}</h2>
        <span className="badge">{entry.abbreviation}</span>
        <span className="muted small">name, abbreviation and colour are fixed</span>
      </header>
      <div className="codebook-poles">
        {POLARITIES.map((pole) => (
          <PoleEditor
            key={pole}
            entry={entry}
            pole={pole}
            codebook={codebook}
            base={base}
            editable={editable}
            changed={changed}
            problems={problems}
            onChange={onChange}
          />
        ))}
      </div>
    </section>
  );
}
