"use client";

import { useEffect, useId, useState } from "react";
import { type BandScheme, bandFor, formatInterval } from "@/lib/domain/bands";
import type { DimensionStyle } from "./agreementData";
import { type CohortCoder, type CohortModel, COHORT_VARIABLES, cell, valueText } from "./cohortModel";
import { ConfusionMatrix } from "./ConfusionMatrix";
import { type CoderDetail, type PairDetail, coderDetailSchema, pairDetailSchema } from "./detailSchema";
import { ProcessTimeline } from "./ProcessTimeline";
import { type StatisticId, readStatistic } from "./statistics";

/**
 * One coder of a class, on demand: their numbers against the key with CIs, their pairs with every other
 * coder (lowest first), and — for the pair chosen — the code-by-code confusion and the timeline, read from
 * GET /api/exercises/:id/agreement/detail. Nothing here is in the page's HTML until a supervisor asks.
 */

type Load<T> = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; data: T };

async function getJson<T>(url: string, parse: (body: unknown) => T): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(res.status === 404 ? "This detail is not available (the agreement may have been recomputed)." : "Could not load the detail. Try again.");
  return parse(await res.json());
}

function useDetail<T>(url: string | null, parse: (body: unknown) => T): Load<T> | null {
  const [load, setLoad] = useState<{ url: string; value: Load<T> } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    getJson(url, parse).then(
      (data) => live && setLoad({ url, value: { state: "ready", data } }),
      (err: unknown) => live && setLoad({ url, value: { state: "error", message: err instanceof Error ? err.message : "Could not load the detail." } }),
    );
    return () => {
      live = false;
    };
  }, [url, parse]);
  if (!url) return null;
  return load && load.url === url ? load.value : { state: "loading" };
}

const parseCoder = (body: unknown): CoderDetail => coderDetailSchema.parse(body);
const parsePair = (body: unknown): PairDetail => pairDetailSchema.parse(body);

export interface CoderDetailPanelProps {
  exerciseId: string;
  coder: CohortCoder;
  model: CohortModel;
  keyCoderId: string | null;
  statistic: StatisticId;
  scheme: BandScheme;
  styles: readonly DimensionStyle[];
  onClose: () => void;
}

export function CoderDetailPanel({ exerciseId, coder, model, keyCoderId, statistic, scheme, styles, onClose }: CoderDetailPanelProps) {
  const base = `/api/exercises/${encodeURIComponent(exerciseId)}/agreement/detail`;
  const detail = useDetail(`${base}?coder=${encodeURIComponent(coder.id)}`, parseCoder);
  const [other, setOther] = useState<string | null>(keyCoderId && keyCoderId !== coder.id ? keyCoderId : null);
  const pair = useDetail(other ? `${base}?a=${encodeURIComponent(other)}&b=${encodeURIComponent(coder.id)}` : null, parsePair);
  const selectId = useId();
  const names = new Map(model.coders.map((c) => [c.id, c.name]));
  const pairs = detail?.state === "ready" ? [...detail.data.pairs].sort((a, b) => (cell(a.values, "pooled", statistic) ?? 2) - (cell(b.values, "pooled", statistic) ?? 2)) : [];

  return (
    <div className="coder-detail card" data-testid="coder-detail">
      <div className="section-head">
        <h2>{coder.name}</h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close details
        </button>
      </div>
      {detail?.state === "loading" && <p role="status">Loading {coder.name}&apos;s pairs…</p>}
      {detail?.state === "error" && <p role="alert">{detail.message}</p>}
      {detail?.state === "ready" && (
        <>
          {detail.data.vsKey && (
            <table className="key-table key-table-detail">
              <caption>Against the key, with 95% bootstrap intervals</caption>
              <thead>
                <tr>
                  {COHORT_VARIABLES.map((v) => (
                    <th key={v} scope="col">
                      {v === "pooled" ? "All" : (styles.find((s) => s.dimension === v)?.abbreviation ?? v)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {COHORT_VARIABLES.map((v) => {
                    const r = readStatistic(detail.data.vsKey?.[v], statistic);
                    const place = r.chanceCorrected ? bandFor(r.value, scheme) : null;
                    return (
                      <td key={v} className="key-cell" data-variable={v}>
                        <span className="key-value">{valueText(r.value, statistic, scheme)}</span>
                        <span className="key-band">{place ? place.band.name : ""}</span>
                        <span className="key-ci">{r.ci ? formatInterval(r.ci) : ""}</span>
                      </td>
                    );
                  })}
                </tr>
              </tbody>
            </table>
          )}
          <label htmlFor={selectId} className="inline-field">
            Compare {coder.name} with{" "}
            <select id={selectId} value={other ?? ""} onChange={(e) => setOther(e.target.value || null)}>
              <option value="">— choose a coder —</option>
              {pairs.map((p) => {
                const v = cell(p.values, "pooled", statistic);
                const place = bandFor(v, scheme);
                return (
                  <option key={p.other} value={p.other}>
                    {names.get(p.other) ?? p.other}
                    {p.other === keyCoderId ? " (key)" : ""} — {v === null ? "not defined" : `${valueText(v, statistic, scheme)}${place ? ` ${place.band.name}` : ""}`}
                  </option>
                );
              })}
            </select>
          </label>
          <p className="small muted">Pairs listed from the lowest agreement (all codes pooled) to the highest.</p>
        </>
      )}
      {pair?.state === "loading" && <p role="status">Loading the pair…</p>}
      {pair?.state === "error" && <p role="alert">{pair.message}</p>}
      {pair?.state === "ready" &&
        (pair.data.unit && pair.data.unit.coders.length === 2 ? (
          <>
            <ConfusionMatrix coders={pair.data.unit.coders} keyCoderId={other === keyCoderId ? keyCoderId : pair.data.a} styles={styles} />
            <ProcessTimeline unit={pair.data.unit} styles={styles} />
          </>
        ) : (
          <p className="muted">The two coders&apos; codes per turn are not available to you for this pair, or this run predates them.</p>
        ))}
    </div>
  );
}
