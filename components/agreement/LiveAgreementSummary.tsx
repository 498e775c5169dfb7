"use client";

import Link from "next/link";
import { DIMENSIONS, dimensionAbbreviation, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import { DEFAULT_HEADLINE, type HeadlineSetting, exerciseHeadline, headlineOf, headlineSentence } from "@/lib/domain/headline";
import { useAgreementRun } from "./useAgreementRun";

/**
 * The codes panel's live agreement strip (UX: "per dimension sparkline, live" — open mode, or staff in
 * blind mode): the cohort's headline statistic (lib/domain/headline; Krippendorff's α by default) per
 * dimension as small bars with CI whiskers, value and band, the pooled headline, n and coders in the
 * heading, and a link to the full agreement page. Rendered only where the viewer may see agreement.
 */

const W = 92;
const H = 14;

export function LiveAgreementSummary({ exerciseId, coding, headline = DEFAULT_HEADLINE }: { exerciseId: string; coding: boolean; headline?: HeadlineSetting | undefined }) {
  const run = useAgreementRun(exerciseId, null, coding);
  const data = run.data;
  const ready = data !== null && data.comparedCoders.length >= 2 && Object.keys(data.variables).length > 0;
  const pooled = data?.variables.pooled;
  const x = (v: number): number => 1 + Math.max(0, Math.min(1, v)) * (W - 2);

  return (
    <details className="live-agreement" open data-testid="live-agreement">
      <summary>
        Agreement <span className="muted small">· {headlineOf(headline, undefined).name}</span>
      </summary>
      {!ready ? (
        <p className="small muted live-empty">
          {run.checkedAt === null && coding
            ? "Checking…"
            : "No agreement yet: it appears once two coders have looked at the same turns (a code, or R for reviewed)."}
        </p>
      ) : (
        <>
          <p className="small muted live-meta">
            {pooled?.n_pairable_units ?? 0} turns · {data.comparedCoders.length} coders{coding ? " · live" : ""}
          </p>
          <p className="small live-headline" data-testid="live-headline">
            All codes: <strong>{exerciseHeadline(headline, data.variables).text}</strong> <span className="muted">{exerciseHeadline(headline, data.variables).bandText}</span>
          </p>
          <ul className="live-rows">
            {DIMENSIONS.map((d) => {
              const result = data.variables[d];
              const reading = headlineOf(headline, result);
              const place = reading.band;
              const label = `${dimensionLabel(d)}: ${headlineSentence(reading)}, ${result?.n_coders ?? 0} coders`;
              return (
                <li key={d} title={label}>
                  <span className="live-abbr">{dimensionAbbreviation(d)}</span>
                  <svg width={W} height={H} aria-hidden="true">
                    <rect x={0} y={0} width={W} height={H} fill="#f3f5f7" />
                    {reading.value !== null && reading.value > 0 && <rect x={1} y={3} width={x(reading.value) - 1} height={H - 6} fill={dimensionColour(d)} stroke="#1f2328" strokeWidth={0.75} />}
                    {reading.ci && <line x1={x(reading.ci[0])} x2={x(reading.ci[1])} y1={H / 2} y2={H / 2} stroke="#1f2328" strokeWidth={1.5} />}
                  </svg>
                  <span className="live-value">{reading.text}</span>
                  <span className="live-band">{place ? place.band.name : "n/a"}</span>
                  <span className="sr-only">{label}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <Link href={`/exercises/${exerciseId}/agreement`} className="small">
        Full agreement view →
      </Link>
    </details>
  );
}
