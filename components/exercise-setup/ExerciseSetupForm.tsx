"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { EXERCISE_TITLE_MAX, type ExerciseField, exerciseProblems, type NewExerciseInput } from "@/lib/validation/exercise";
import { CoderPicker, type SetupMember } from "./CoderPicker";
import { ChoiceCards } from "./ChoiceCards";
import { suggestedTitle } from "./suggestedTitle";

export interface SetupTranscript {
  id: string;
  title: string;
  cohortId: string;
  turnCount: number;
}

export interface SetupCohort {
  name: string;
  members: SetupMember[];
  codebookVersion: number;
}

export interface ExerciseSetupFormProps {
  transcripts: SetupTranscript[];
  cohorts: Record<string, SetupCohort>;
  /** Set when the page was opened from a transcript: that transcript, without a picker. */
  initialTranscriptId: string | null;
  viewerId: string;
}

type Mode = "blind" | "open";
type RevealRule = "all_submitted" | "instructor";

const FIELD_ORDER: ExerciseField[] = ["transcriptId", "title", "mode", "coderIds", "keyCoderId", "revealRule", "codersSettle"];

export function ExerciseSetupForm({ transcripts, cohorts, initialTranscriptId, viewerId }: ExerciseSetupFormProps) {
  const router = useRouter();
  const uid = useId();
  const ids = (field: ExerciseField) => `${uid}-${field}`;
  const [transcriptId, setTranscriptId] = useState(initialTranscriptId ?? "");
  const [mode, setMode] = useState<Mode>("blind");
  const transcript = transcripts.find((t) => t.id === transcriptId) ?? null;
  const cohort = transcript ? cohorts[transcript.cohortId] : undefined;
  const [title, setTitle] = useState(transcript ? suggestedTitle(transcript.title, "blind") : "");
  // The title follows the transcript and mode until the person writes their own.
  const [titleEdited, setTitleEdited] = useState(false);
  const [coderIds, setCoderIds] = useState<string[]>([]);
  const [keyCoderId, setKeyCoderId] = useState("");
  const [revealRule, setRevealRule] = useState<RevealRule>("instructor");
  const [codersSettle, setCodersSettle] = useState(false);
  const [coderNamesVisible, setCoderNamesVisible] = useState(false);
  // FAD reliability is over client turns; therapist turns join only for dimension-targeted coding.
  const [withTherapistTurns, setWithTherapistTurns] = useState(false);
  const unitScope = withTherapistTurns ? "all_turns" : "client_turns";
  const [problems, setProblems] = useState<Partial<Record<ExerciseField, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const input = (): NewExerciseInput => ({ transcriptId, title, mode, coderIds, keyCoderId: keyCoderId || null, revealRule, codersSettle, coderNamesVisible, unitScope });

  function recheck(next: Partial<NewExerciseInput>) {
    // Once the person has tried to submit, problems update as they fix them.
    if (Object.keys(problems).length > 0) setProblems(exerciseProblems({ ...input(), ...next }));
  }

  function chooseTranscript(id: string) {
    const t = transcripts.find((x) => x.id === id);
    setTranscriptId(id);
    if (t && !titleEdited) setTitle(suggestedTitle(t.title, mode));
    // Coders come from the transcript's cohort: a different cohort means a fresh choice.
    if (t?.cohortId !== transcript?.cohortId) {
      setCoderIds([]);
      setKeyCoderId("");
    }
    recheck({ transcriptId: id, coderIds: t?.cohortId !== transcript?.cohortId ? [] : coderIds });
  }

  function chooseMode(next: Mode) {
    setMode(next);
    if (transcript && !titleEdited) setTitle(suggestedTitle(transcript.title, next));
  }

  function chooseCoders(next: string[]) {
    setCoderIds(next);
    const key = next.includes(keyCoderId) ? keyCoderId : "";
    if (!key) setKeyCoderId("");
    recheck({ coderIds: next, keyCoderId: key || null });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    const found = exerciseProblems(input());
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    const res = await fetch("/api/exercises", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ transcriptId, title: title.trim(), mode, coderIds, keyCoderId: keyCoderId || null, revealRule, codersSettle, coderNamesVisible, unitScope }),
    }).catch(() => null);
    const body = res ? ((await res.json().catch(() => ({}))) as { id?: string; error?: string }) : {};
    if (res?.status === 201 && body.id) {
      router.push(`/exercises/${body.id}`);
      return;
    }
    setBusy(false);
    setServerError(
      !res ? "The server could not be reached. Nothing was created; check the connection and try again." : (body.error ?? "The exercise could not be created. Nothing was saved; try again."),
    );
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const listed = FIELD_ORDER.filter((f) => problems[f]);
  const describedBy = (field: ExerciseField, hint?: string) => [hint, problems[field] ? `${ids(field)}-problem` : null].filter(Boolean).join(" ") || undefined;
  const problemLine = (field: ExerciseField) =>
    problems[field] ? (
      <p className="field-problem" id={`${ids(field)}-problem`}>
        {problems[field]}
      </p>
    ) : null;
  const keyCoders = (cohort?.members ?? []).filter((m) => coderIds.includes(m.id));
  const keyName = keyCoders.find((m) => m.id === keyCoderId)?.name ?? null;
  const trainees = coderIds.filter((id) => cohort?.members.find((m) => m.id === id)?.role === "trainee").length;

  return (
    <form className="form setup-form" onSubmit={onSubmit} noValidate aria-describedby={`${uid}-intro`}>
      <p id={`${uid}-intro`} className="muted">
        Choose what to code, how, and who codes. Coders find the exercise on their home page as soon as you create it.
      </p>

      {(listed.length > 0 || serverError) && (
        <div className="alert alert-error setup-problems" role="alert" tabIndex={-1} ref={summaryRef}>
          {serverError ? (
            <p>{serverError}</p>
          ) : (
            <>
              <p>
                <strong>The exercise was not created yet: {listed.length === 1 ? "one thing needs" : `${listed.length} things need`} your attention.</strong>
              </p>
              <ul>
                {listed.map((f) => (
                  <li key={f}>
                    <a href={`#${ids(f)}`}>{problems[f]}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <section className="card setup-section" aria-labelledby={`${uid}-what`}>
        <h2 id={`${uid}-what`}>What to code</h2>
        {initialTranscriptId && transcript ? (
          <div className="setup-transcript" id={ids("transcriptId")}>
            <span className="setup-label">Transcript</span>
            <span>
              <strong>{transcript.title}</strong> <span className="muted small">· {transcript.turnCount} turns · {cohort?.name}</span>
            </span>
          </div>
        ) : (
          <label htmlFor={ids("transcriptId")}>
            Transcript
            <select
              id={ids("transcriptId")}
              value={transcriptId}
              onChange={(e) => chooseTranscript(e.target.value)}
              aria-invalid={problems.transcriptId ? true : undefined}
              aria-describedby={describedBy("transcriptId")}
            >
              <option value="">— choose a transcript —</option>
              {transcripts.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title} ({t.turnCount} turns · {cohorts[t.cohortId]?.name})
                </option>
              ))}
            </select>
          </label>
        )}
        {problemLine("transcriptId")}
        <label htmlFor={ids("title")}>
          Title
          <input
            id={ids("title")}
            value={title}
            maxLength={EXERCISE_TITLE_MAX}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleEdited(true);
              recheck({ title: e.target.value });
            }}
            aria-invalid={problems.title ? true : undefined}
            aria-describedby={describedBy("title", `${uid}-title-hint`)}
          />
        </label>
        <p className="hint" id={`${uid}-title-hint`}>
          Coders see this title on their home page and on the coding page.
        </p>
        {problemLine("title")}
      </section>

      <section className="card setup-section" aria-labelledby={`${uid}-how`}>
        <h2 id={`${uid}-how`}>How to code</h2>
        <ChoiceCards
          id={ids("mode")}
          legend="Mode"
          name={`${uid}-mode`}
          value={mode}
          onChange={chooseMode}
          options={[
            { value: "blind", label: "Blind — for reliability", hint: "Each coder works alone; nobody sees another coder's codes until the reveal. The transcript text is locked while coding." },
            { value: "open", label: "Open — for live discussion", hint: "Coders see each other's codes as they are made, for co-coding in supervision or class." },
          ]}
        />
      </section>

      <section className="card setup-section" aria-labelledby={`${uid}-who`}>
        <h2 id={`${uid}-who`}>Who codes</h2>
        {cohort ? (
          <>
            <CoderPicker
              id={ids("coderIds")}
              members={cohort.members}
              selected={coderIds}
              viewerId={viewerId}
              onChange={chooseCoders}
              invalid={Boolean(problems.coderIds)}
              describedBy={describedBy("coderIds")}
            />
            {problemLine("coderIds")}
            <label htmlFor={ids("keyCoderId")}>
              <span>
                Key coder <span className="muted small">(optional)</span>
              </span>
              <select
                id={ids("keyCoderId")}
                value={keyCoderId}
                onChange={(e) => {
                  setKeyCoderId(e.target.value);
                  recheck({ keyCoderId: e.target.value || null });
                }}
                disabled={keyCoders.length === 0}
                aria-invalid={problems.keyCoderId ? true : undefined}
                aria-describedby={describedBy("keyCoderId", `${uid}-key-hint`)}
              >
                <option value="">{keyCoders.length === 0 ? "— choose coders first —" : "No key"}</option>
                {keyCoders.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name} ({m.role})
                  </option>
                ))}
              </select>
            </label>
            <p className="hint" id={`${uid}-key-hint`}>
              The gold standard: trainees are scored against this coder&apos;s codes. Usually an instructor or supervisor who is also ticked as a coder.
            </p>
            {problemLine("keyCoderId")}
          </>
        ) : (
          <p className="muted">Choose a transcript first: coders come from its cohort.</p>
        )}
      </section>

      <section className="card setup-section" aria-labelledby={`${uid}-after`}>
        <h2 id={`${uid}-after`}>Reveal and consensus</h2>
        <ChoiceCards
          id={ids("revealRule")}
          legend="When to reveal"
          name={`${uid}-reveal`}
          value={revealRule}
          onChange={setRevealRule}
          description={
            mode === "blind"
              ? "When coders see each other's codes and the agreement, and consensus review opens."
              : "When coding ends and the consensus review opens (in open mode codes are visible all along)."
          }
          options={[
            { value: "all_submitted", label: "When all coders have submitted", hint: "Opens by itself after the last coder submits." },
            { value: "instructor", label: "When an instructor or supervisor releases it", hint: "You choose the moment, e.g. in class." },
          ]}
        />
        <label className="setup-check" htmlFor={ids("codersSettle")}>
          <input id={ids("codersSettle")} type="checkbox" checked={codersSettle} onChange={(e) => setCodersSettle(e.target.checked)} aria-describedby={`${uid}-settle-hint`} />
          <span>
            Coders may settle consensus
            <span className="hint" id={`${uid}-settle-hint`}>
              After the reveal, coders — not only supervisors and instructors — can settle disagreements, each with a one-line rationale.
            </span>
          </span>
        </label>
        <label className="setup-check" htmlFor={ids("unitScope")}>
          <input id={ids("unitScope")} type="checkbox" checked={withTherapistTurns} onChange={(e) => setWithTherapistTurns(e.target.checked)} aria-describedby={`${uid}-units-hint`} />
          <span>
            Include therapist turns in agreement
            <span className="hint" id={`${uid}-units-hint`}>
              Off (FAD reliability): agreement is computed over the client&apos;s turns only. On: therapist turns are units too, for dimension-targeted coding.
            </span>
          </span>
        </label>
        <label className="setup-check" htmlFor={ids("coderNamesVisible")}>
          <input id={ids("coderNamesVisible")} type="checkbox" checked={coderNamesVisible} onChange={(e) => setCoderNamesVisible(e.target.checked)} aria-describedby={`${uid}-names-hint`} />
          <span>
            Trainees see each other&apos;s names after the reveal
            <span className="hint" id={`${uid}-names-hint`}>
              Off: in their review a trainee sees the class&apos;s codes as counts, their own codes and the key&apos;s — nobody else&apos;s name. You can change this later on the group review.
            </span>
          </span>
        </label>
      </section>

      <div className="setup-submit">
        <p className="setup-recap" aria-live="polite">
          {transcript && cohort ? (
            <>
              A <strong>{mode}</strong> exercise for <strong>{coderIds.length}</strong> {coderIds.length === 1 ? "coder" : "coders"}
              {trainees > 0 && ` (${trainees} ${trainees === 1 ? "trainee" : "trainees"})`}
              {keyName ? `, scored against ${keyName}` : ""}, coded with codebook version {cohort.codebookVersion}.
            </>
          ) : (
            "Choose a transcript and coders."
          )}
        </p>
        <Link href={initialTranscriptId ? `/transcripts/${initialTranscriptId}` : "/"} className="btn">
          Cancel
        </Link>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create exercise"}
        </button>
      </div>
    </form>
  );
}
