"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { DeidReview } from "./DeidReview";
import { ImportProgress, type WorkKind } from "./ImportProgress";
import { postForm, type Progress } from "./postForm";
import { acceptedReplacements, type Decisions, groupCandidates, isAccepted, proposedLabels, pseudonymOf, titleFromFilename } from "./reviewModel";
import { SpeakerTable } from "./SpeakerTable";
import { TurnPreview } from "./TurnPreview";
import type { PreviewResponse, SpeakerRole } from "./types";

export interface CohortOption {
  id: string;
  name: string;
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const ACCEPT = ".txt,.vtt,.srt,.csv,.docx";

type ErrorPlace = "source" | "review" | "import";

function isPreview(body: unknown): body is PreviewResponse {
  return body !== null && typeof body === "object" && "turns" in body && "speakers" in body && "candidates" in body && Array.isArray(body.turns);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The import flow: choose a file (or paste text) → preview → map speakers and confirm the
 * de-identification → import, then open the transcript. The server is stateless between steps: each
 * preview and the import post the file again with the reviewer's choices.
 */
export function ImportWizard({ cohorts }: { cohorts: readonly CohortOption[] }) {
  const router = useRouter();
  const [mode, setMode] = useState<"file" | "paste">("file");
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [title, setTitle] = useState("");
  const [titleEdited, setTitleEdited] = useState(false);
  const [cohortId, setCohortId] = useState(cohorts[0]?.id ?? "");
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [roles, setRoles] = useState<Record<string, SpeakerRole>>({});
  const [labelEdits, setLabelEdits] = useState<Record<string, string>>({});
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [pseudonyms, setPseudonyms] = useState<Record<string, string>>({});
  const [extraNames, setExtraNames] = useState<string[]>([]);
  const [clientNames, setClientNames] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [work, setWork] = useState<{ kind: WorkKind; progress: Progress } | null>(null);
  const [error, setError] = useState<{ place: ErrorPlace; text: string } | null>(null);
  const [focusReview, setFocusReview] = useState(false);
  const inflight = useRef<AbortController | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusReview && preview) {
      // The review opens below the source form: bring its heading to the top and put focus there, so a
      // keyboard or screen-reader user lands on the results and a mouse user sees them without scrolling.
      const heading = reviewHeading.current;
      heading?.scrollIntoView({ block: "start" });
      heading?.focus({ preventScroll: true });
      setFocusReview(false);
    }
  }, [focusReview, preview]);
  useEffect(() => () => inflight.current?.abort(), []);

  const decisions: Decisions = useMemo(() => ({ rejected, pseudonyms }), [rejected, pseudonyms]);
  const groups = useMemo(() => groupCandidates(preview?.candidates ?? []), [preview]);
  const proposed = useMemo(() => proposedLabels(preview?.speakers ?? [], roles), [preview, roles]);
  // An emptied field means "the proposal", never "the name in the file".
  const labels = useMemo(
    () => Object.fromEntries(Object.entries(proposed).map(([speaker, label]) => [speaker, labelEdits[speaker]?.trim() || label])),
    [proposed, labelEdits],
  );
  const acceptedByTurn = useMemo(() => {
    const map = new Map<number, Array<{ start: number; end: number; pseudonym: string }>>();
    for (const c of preview?.candidates ?? []) {
      if (!isAccepted(c, decisions)) continue;
      const list = map.get(c.turnIndex) ?? [];
      list.push({ start: c.start, end: c.end, pseudonym: pseudonymOf(c, decisions) });
      map.set(c.turnIndex, list);
    }
    return map;
  }, [preview, decisions]);

  /** Anything that changes the transcript's content makes the review stale: start it over. */
  function resetReview() {
    inflight.current?.abort();
    setPreview(null);
    setRoles({});
    setLabelEdits({});
    setRejected(new Set());
    setPseudonyms({});
    setExtraNames([]);
    setClientNames([]);
    setConfirmed(false);
    setError(null);
  }

  function sourceForm(): FormData {
    const form = new FormData();
    if (mode === "file" && file) form.set("file", file, file.name);
    else form.set("text", pasted);
    if (cohortId) form.set("cohortId", cohortId);
    return form;
  }

  async function runPreview(kind: "preview" | "refresh", next: { roles: Record<string, SpeakerRole>; extraNames: string[]; clientNames: string[] }) {
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    const form = sourceForm();
    form.set("roles", JSON.stringify(next.roles));
    form.set("extraNames", JSON.stringify(next.extraNames));
    form.set("clientNames", JSON.stringify(next.clientNames));
    setError(null);
    setWork({ kind, progress: { phase: "uploading", fraction: null } });
    const result = await postForm("/api/transcripts/preview", form, (progress) => setWork({ kind, progress }), controller.signal);
    if (controller.signal.aborted) return;
    inflight.current = null;
    setWork(null);
    if (!result.ok) {
      // The parser's message says what is wrong; say what to do about it where it is the file itself.
      const next = kind === "preview" && result.status === 400 ? (mode === "file" ? " Choose the transcript file itself, or paste its text instead." : " Check the pasted text and try again.") : "";
      setError({ place: kind === "preview" ? "source" : "review", text: `${result.error}${next}` });
      return;
    }
    if (!isPreview(result.body)) {
      setError({ place: "source", text: "The preview could not be shown. Try again." });
      return;
    }
    const body = result.body;
    setPreview(body);
    setRoles(Object.fromEntries(body.speakers.map((s) => [s.speaker, next.roles[s.speaker] ?? s.role])));
    if (kind === "preview") setFocusReview(true);
  }

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mode === "file" && !file) return setError({ place: "source", text: "Choose a transcript file first (.txt, .vtt, .srt, .csv or .docx)." });
    if (mode === "paste" && pasted.trim() === "") return setError({ place: "source", text: "Paste the transcript’s text first." });
    if (mode === "file" && file && file.size > MAX_FILE_BYTES) {
      return setError({ place: "source", text: `This file is ${formatSize(file.size)}; Coflex imports transcripts up to 5 MB. Split it into parts and import each one.` });
    }
    if (!cohortId) return setError({ place: "source", text: "Choose the cohort this transcript belongs to." });
    resetReview();
    void runPreview("preview", { roles: {}, extraNames: [], clientNames: [] });
  }

  function onRole(speaker: string, role: SpeakerRole) {
    const next = { ...roles, [speaker]: role };
    setRoles(next);
    // A speaker marked as the client makes their name a client name: the suggestions change.
    void runPreview("refresh", { roles: next, extraNames, clientNames });
  }

  function onAddName(name: string, asClient: boolean) {
    const nextExtra = asClient || extraNames.includes(name) ? extraNames : [...extraNames, name];
    const nextClient = !asClient || clientNames.includes(name) ? clientNames : [...clientNames, name];
    setExtraNames(nextExtra);
    setClientNames(nextClient);
    void runPreview("refresh", { roles, extraNames: nextExtra, clientNames: nextClient });
  }

  function onRemoveName(name: string, asClient: boolean) {
    const nextExtra = asClient ? extraNames : extraNames.filter((n) => n !== name);
    const nextClient = asClient ? clientNames.filter((n) => n !== name) : clientNames;
    setExtraNames(nextExtra);
    setClientNames(nextClient);
    void runPreview("refresh", { roles, extraNames: nextExtra, clientNames: nextClient });
  }

  function onAccept(ids: readonly string[], accepted: boolean) {
    setRejected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (accepted) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }

  function onPseudonym(ids: readonly string[], value: string) {
    setPseudonyms((prev) => ({ ...prev, ...Object.fromEntries(ids.map((id) => [id, value])) }));
  }

  async function onImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!preview) return;
    if (title.trim() === "") return setError({ place: "import", text: "Give the transcript a title (at the top of the page) before importing." });
    const form = sourceForm();
    form.set("title", title.trim());
    form.set("roles", JSON.stringify(roles));
    form.set("speakerLabels", JSON.stringify(Object.fromEntries(Object.entries(labels).filter(([speaker, label]) => label !== speaker))));
    form.set("replacements", JSON.stringify(acceptedReplacements(preview.candidates, decisions)));
    setError(null);
    setWork({ kind: "import", progress: { phase: "uploading", fraction: null } });
    const result = await postForm("/api/transcripts", form, (progress) => setWork({ kind: "import", progress }));
    if (!result.ok) {
      setWork(null);
      setError({ place: "import", text: result.error });
      return;
    }
    const id = result.body !== null && typeof result.body === "object" && "id" in result.body && typeof result.body.id === "string" ? result.body.id : null;
    if (!id) {
      setWork(null);
      setError({ place: "import", text: "The transcript was imported, but Coflex could not open it. Find it on the home page." });
      return;
    }
    router.push(`/transcripts/${id}`);
  }

  const busy = work !== null;
  const errorAt = (place: ErrorPlace) =>
    error?.place === place ? (
      <div className="alert alert-error" role="alert">
        {error.text}
      </div>
    ) : null;
  const progressAt = (kinds: readonly WorkKind[]) => (work && kinds.includes(work.kind) ? <ImportProgress kind={work.kind} progress={work.progress} /> : null);
  const cohortName = cohorts.find((c) => c.id === cohortId)?.name;

  return (
    <>
      <form className="form card import-source" onSubmit={onPreview} aria-labelledby="import-source-heading">
        <h2 id="import-source-heading">1. Choose the transcript</h2>
        <fieldset className="import-mode">
          <legend className="sr-only">Where the transcript comes from</legend>
          <label>
            <input type="radio" name="mode" value="file" checked={mode === "file"} onChange={() => {
                setMode("file");
                resetReview();
              }} /> Upload a file
          </label>
          <label>
            <input type="radio" name="mode" value="paste" checked={mode === "paste"} onChange={() => {
                setMode("paste");
                resetReview();
              }} /> Paste the text
          </label>
        </fieldset>
        {mode === "file" ? (
          <label>
            Transcript file
            <span className="small muted">.txt, .vtt, .srt, .csv or .docx, up to 5 MB. Nothing is saved until you press Import.</span>
            <input
              type="file"
              accept={ACCEPT}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen && !titleEdited) setTitle(titleFromFilename(chosen.name));
                resetReview();
              }}
            />
          </label>
        ) : (
          <label>
            Transcript text
            <span className="small muted">One turn per line, e.g. “Therapist: How was your week?”. WebVTT and SRT text work too.</span>
            <textarea
              rows={8}
              value={pasted}
              onChange={(e) => {
                setPasted(e.target.value);
                if (preview) resetReview();
              }}
            />
          </label>
        )}
        <label>
          Title
          <span className="small muted">Shown to everyone in the cohort. Don’t include the client’s name.</span>
          <input
            value={title}
            required
            maxLength={200}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleEdited(true);
            }}
          />
        </label>
        {cohorts.length > 1 ? (
          <label>
            Cohort
            <select value={cohortId} onChange={(e) => setCohortId(e.target.value)}>
              {cohorts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="small">
            It will be added to <strong>{cohortName}</strong>.
          </p>
        )}
        {errorAt("source")}
        {progressAt(["preview"])}
        <div>
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {work?.kind === "preview" ? "Reading…" : preview ? "Preview again" : "Preview"}
          </button>
        </div>
      </form>

      {preview && (
        <section className="import-review" aria-labelledby="import-review-heading">
          <h2 id="import-review-heading" ref={reviewHeading} tabIndex={-1}>
            2. Check who is speaking and what identifies someone
          </h2>
          <p className="small muted">
            Read as {preview.formatName}: {preview.turnCount} {preview.turnCount === 1 ? "turn" : "turns"}, {preview.speakers.length}{" "}
            {preview.speakers.length === 1 ? "speaker" : "speakers"}.
          </p>
          {preview.warnings.length > 0 && (
            <div className="alert alert-warn" role="note">
              <ul>
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          {errorAt("review")}
          {progressAt(["refresh"])}

          <h3>Speakers</h3>
          <SpeakerTable
            speakers={preview.speakers}
            roles={roles}
            labels={labels}
            edits={labelEdits}
            disabled={busy}
            onRole={onRole}
            onLabel={(speaker, label) => setLabelEdits((prev) => ({ ...prev, [speaker]: label }))}
          />

          <h3>De-identification</h3>
          <DeidReview
            candidates={preview.candidates}
            groups={groups}
            decisions={decisions}
            labels={labels}
            extraNames={extraNames}
            clientNames={clientNames}
            disabled={busy}
            onAccept={onAccept}
            onPseudonym={onPseudonym}
            onAddName={onAddName}
            onRemoveName={onRemoveName}
          />

          <h3>How it will read</h3>
          <p className="small muted">
            As it will be stored, with the speakers’ names and the pseudonyms above. Replaced words are <span className="import-pseudonym">[BOXED]</span>; hover
            one to see what it replaces.
          </p>
          <TurnPreview turns={preview.turns} turnCount={preview.turnCount} roles={roles} labels={labels} accepted={acceptedByTurn} />

          <form className="form card import-confirm" onSubmit={onImport} aria-label="Import the transcript">
            <h2>3. Import</h2>
            <label className="import-confirm-check">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} required />
              <span>I have checked the speakers and the identifiers above; the transcript can be stored as shown.</span>
            </label>
            {errorAt("import")}
            {progressAt(["import"])}
            <div>
              <button className="btn btn-primary" type="submit" disabled={busy || !confirmed}>
                {work?.kind === "import" ? "Importing…" : "Import"}
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}
