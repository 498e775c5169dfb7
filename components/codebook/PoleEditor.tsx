import { useRef, useState } from "react";
import { type Codebook, type CodebookEntry, type CodebookPole, codeLabel, type Polarity } from "@/lib/domain/codebook";
import { inkOn } from "@/components/coding/colours";
import { fieldId, fieldKey, newTagId, type PoleField, updatePole } from "./codebookDraft";

export interface PoleEditorProps {
  entry: CodebookEntry;
  pole: Polarity;
  codebook: Codebook;
  base: Codebook;
  editable: boolean;
  changed: ReadonlySet<string>;
  problems: ReadonlyMap<string, string>;
  onChange: (next: Codebook) => void;
}

/** The schema's limit per pole. */
const MAX_TAGS = 20;

const FIELDS: ReadonlyArray<{ field: PoleField; label: string; rows: number }> = [
  { field: "process", label: "Process", rows: 1 },
  { field: "definition", label: "Definition", rows: 4 },
  { field: "example", label: "Example utterance", rows: 2 },
];

/** One pole of a dimension: process, definition, example and tags; text inputs for an instructor, plain text for everyone else. */
export function PoleEditor({ entry, pole, codebook, base, editable, changed, problems, onChange }: PoleEditorProps) {
  const data = entry[pole];
  const where = `${entry.label}, ${pole}`;
  const [newTag, setNewTag] = useState("");
  const newTagRef = useRef<HTMLInputElement>(null);
  const set = (change: (p: CodebookPole) => CodebookPole) => onChange(updatePole(codebook, entry.dimension, pole, change));
  const poleTitle = (
    <>
      <span className={`pole-chip pole-chip-${pole}`} style={{ ["--chip-ink" as string]: inkOn(entry.colour) }}>
        {codeLabel(entry.dimension, pole)}
      </span> {pole === "flexible" ? "Flexible" : "Inflexible"} pole
    </>
  );

  if (!editable) {
    return (
      <div className={`codebook-pole codebook-pole-${pole}`}>
        <h3>{poleTitle}</h3>
        <dl>
          <dt>Process</dt>
          <dd className="codebook-process">{data.process}</dd>
          <dt>Definition</dt>
          <dd>{data.definition}</dd>
          <dt>Example utterance</dt>
          <dd className="codebook-example">“{data.example}”</dd>
          <dt>Tags</dt>
          <dd>
            {data.tags.length === 0 ? (
              <span className="muted">No tags: coders use the process above.</span>
            ) : (
              <ul className="codebook-tag-list" aria-label={`Tags, ${where}`}>
                {data.tags.map((t) => (
                  <li key={t.id} className="badge">
                    {t.label}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </div>
    );
  }

  const taken = new Set(base.entries.flatMap((e) => [...e.flexible.tags, ...e.inflexible.tags].map((t) => t.id)));
  function addTag() {
    const label = newTag.trim();
    if (!label || data.tags.length >= MAX_TAGS) return;
    set((p) => ({ ...p, tags: [...p.tags, { id: newTagId(codebook, entry.dimension, pole, label, taken), label, polarity: pole }] }));
    setNewTag("");
    newTagRef.current?.focus();
  }

  return (
    <fieldset className={`codebook-pole codebook-pole-${pole}`}>
      <legend>{poleTitle}</legend>
      {FIELDS.map(({ field, label, rows }) => {
        const key = fieldKey(entry.dimension, pole, field);
        const id = fieldId(key);
        const problem = problems.get(key);
        const common = {
          id,
          value: data[field],
          "aria-invalid": problem ? true : undefined,
          "aria-describedby": problem ? `${id}-problem` : undefined,
        };
        return (
          <div key={field} className="codebook-field">
            <label htmlFor={id}>
              {label} <span className="sr-only">({where})</span>
              {changed.has(key) && <span className="edited">edited</span>}
            </label>
            {rows === 1 ? (
              <input {...common} maxLength={200} onChange={(e) => set((p) => ({ ...p, [field]: e.target.value }))} />
            ) : (
              <textarea {...common} rows={rows} maxLength={field === "definition" ? 2000 : 1000} onChange={(e) => set((p) => ({ ...p, [field]: e.target.value }))} />
            )}
            {problem && (
              <p id={`${id}-problem`} className="field-problem">
                {problem}
              </p>
            )}
          </div>
        );
      })}
      <div className="codebook-field">
        <span className="codebook-field-label" id={fieldId(fieldKey(entry.dimension, pole, "tags"))}>
          Tags
          {changed.has(fieldKey(entry.dimension, pole, "tags")) && <span className="edited">edited</span>}
        </span>
        <p className="hint">Finer processes coders may pick. Renaming a tag keeps existing codes linked to it.</p>
        {data.tags.length === 0 && <p className="muted small">No tags: coders use the process above.</p>}
        <ul className="codebook-tags" aria-labelledby={fieldId(fieldKey(entry.dimension, pole, "tags"))}>
          {data.tags.map((t, i) => {
            const key = fieldKey(entry.dimension, pole, `tags.${i}`);
            const id = fieldId(key);
            const problem = problems.get(key);
            return (
              <li key={t.id}>
                <input
                  id={id}
                  value={t.label}
                  maxLength={120}
                  aria-label={`Tag ${i + 1}, ${where}`}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-problem` : undefined}
                  onChange={(e) => set((p) => ({ ...p, tags: p.tags.map((x) => (x.id === t.id ? { ...x, label: e.target.value } : x)) }))}
                />
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  aria-label={`Remove tag “${t.label}” (${where})`}
                  onClick={() => {
                    set((p) => ({ ...p, tags: p.tags.filter((x) => x.id !== t.id) }));
                    newTagRef.current?.focus();
                  }}
                >
                  Remove
                </button>
                {problem && (
                  <p id={`${id}-problem`} className="field-problem">
                    {problem}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        <div className="codebook-addtag">
          <input
            ref={newTagRef}
            value={newTag}
            maxLength={120}
            placeholder="New tag"
            aria-label={`New tag, ${where}`}
            onChange={(e) => setNewTag(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addTag();
              }
            }}
          />
          <button type="button" className="btn btn-small" onClick={addTag} disabled={!newTag.trim() || data.tags.length >= MAX_TAGS}>
            Add tag
          </button>
        </div>
      </div>
    </fieldset>
  );
}
