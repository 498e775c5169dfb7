"use client";

import { useId, useState } from "react";
import { type BandScheme, bandFor } from "@/lib/domain/bands";
import { STATISTIC_NAMES, statisticKey } from "@/lib/domain/headline";
import type { DimensionStyle } from "./agreementData";
import { bandShade } from "./chartParts";
import { CoderDetailPanel } from "./CoderDetailPanel";
import { BIN_EDGES, COHORT_VARIABLES, type CohortCoder, type CohortModel, cell, valueText } from "./cohortModel";
import type { StatisticId } from "./statistics";

/**
 * The agreement page for a class (more than a dozen coders): instead of a 100 × 100 heatmap, the
 * distribution first (each trainee a dot against the key; every pair in a histogram), then the lowest and
 * highest coders by name, a search box, and one coder's detail — their pairs, their confusion with the key
 * and their timeline — loaded when asked for.
 */

export interface CohortAgreementProps {
  exerciseId: string;
  model: CohortModel;
  keyCoderId: string | null;
  keyName: string;
  statistic: StatisticId;
  scheme: BandScheme;
  styles: readonly DimensionStyle[];
}

const SHOWN = 8;


export function CohortAgreement({ exerciseId, model, keyCoderId, keyName, statistic, scheme, styles }: CohortAgreementProps) {
  const [variable, setVariable] = useState("pooled");
  const [query, setQuery] = useState("");
  const [showAll, setShowAll] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const searchId = useId();
  const variableId = useId();
  const name = statisticKey(statistic, 2).name;
  const variableLabel = variable === "pooled" ? "all codes (pooled)" : (styles.find((s) => s.dimension === variable)?.label ?? variable);
  const trainees = model.coders.filter((c) => c.id !== keyCoderId);
  const hasKey = trainees.some((c) => c.vsKey !== null);
  const score = (c: CohortCoder): number | null => (hasKey ? cell(c.vsKey, variable, statistic) : cell(c.withOthers, variable, statistic));
  // Lowest first: the trainees a supervisor looks for.
  const sorted = [...trainees].sort((a, b) => (score(a) ?? Infinity) - (score(b) ?? Infinity) || a.name.localeCompare(b.name));
  const q = query.trim().toLowerCase();
  const matches = q ? sorted.filter((c) => c.name.toLowerCase().includes(q)) : sorted;
  const rows = q || showAll || sorted.length <= 2 * SHOWN ? matches : [...sorted.slice(0, SHOWN), null, ...sorted.slice(-SHOWN)];
  const columns = [...styles.map((s) => ({ variable: s.dimension as string, label: s.abbreviation, title: s.label })), { variable: "pooled", label: "All", title: "All codes (pooled)" }];
  const selectedCoder = model.coders.find((c) => c.id === selected) ?? null;

  return (
    <>
      <section className="agreement-section" aria-labelledby="class-key-h" id="against-key">
        <figure className="agreement-figure">
          <figcaption>
            <h3 id="class-key-h">{hasKey ? `Each trainee against the key (${keyName})` : "Each coder with the rest of the class"}</h3>
            <p className="muted small">
              {name} on {variableLabel}; {hasKey ? "each dot is one trainee's agreement with the key" : "each dot is one coder's mean agreement with every other coder"}. {trainees.length}{" "}
              {hasKey ? "trainees" : "coders"}. Bands: {STATISTIC_NAMES[statistic].chanceCorrected ? scheme.name : "none for percent agreement"}.
            </p>
            <label htmlFor={variableId} className="inline-field">
              Variable{" "}
              <select id={variableId} value={variable} onChange={(e) => setVariable(e.target.value)}>
                {COHORT_VARIABLES.map((v) => (
                  <option key={v} value={v}>
                    {v === "pooled" ? "All codes (pooled)" : (styles.find((s) => s.dimension === v)?.label ?? v)}
                  </option>
                ))}
              </select>
            </label>
          </figcaption>
          <DotStrip coders={trainees} value={score} scheme={scheme} statistic={statistic} label={`${name} on ${variableLabel}`} onPick={setSelected} />
        </figure>

        <div className="class-list-controls">
          <label htmlFor={searchId} className="inline-field">
            Find a {hasKey ? "trainee" : "coder"}{" "}
            <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name" autoComplete="off" />
          </label>
          {!q && sorted.length > 2 * SHOWN && (
            <button type="button" className="btn btn-small" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
              {showAll ? `Show the lowest and highest ${SHOWN}` : `Show all ${sorted.length}`}
            </button>
          )}
          {q && <span className="muted small" role="status">{matches.length} found</span>}
        </div>
        <div className="chart-scroll">
          <table className="key-table class-table" data-testid="class-table">
            <caption className="sr-only">
              {hasKey ? "Trainees against the key" : "Coders with the class"}, lowest {name} first
            </caption>
            <thead>
              <tr>
                <th scope="col">{hasKey ? "Trainee" : "Coder"}</th>
                {columns.map((c) => (
                  <th key={c.variable} scope="col" title={c.title}>
                    {c.label}
                  </th>
                ))}
                {hasKey && <th scope="col">Turns</th>}
                <th scope="col">With the class</th>
                <th scope="col">
                  <span className="sr-only">Detail</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((coder, i) =>
                coder === null ? (
                  <tr key="gap" className="class-gap">
                    <td colSpan={columns.length + 4} className="muted small">
                      … {sorted.length - 2 * SHOWN} more in between — search, or show all
                    </td>
                  </tr>
                ) : (
                  <tr key={coder.id} data-coder={coder.id} aria-selected={coder.id === selected} className={coder.id === selected ? "is-selected" : undefined}>
                    <th scope="row">{coder.name}</th>
                    {columns.map((c) => {
                      const value = hasKey ? cell(coder.vsKey, c.variable, statistic) : cell(coder.withOthers, c.variable, statistic);
                      const place = STATISTIC_NAMES[statistic].chanceCorrected ? bandFor(value, scheme) : null;
                      const shade = place ? bandShade(place.index, scheme.bands.length) : { fill: "#ffffff", ink: "#1f2328" };
                      return (
                        <td key={c.variable} className="key-cell" style={{ background: shade.fill, color: shade.ink }} data-coder={coder.id} data-variable={c.variable} data-value={value ?? ""}>
                          <span className="key-value">{valueText(value, statistic, scheme)}</span>
                          {c.variable === "pooled" && <span className="key-band">{place ? place.band.name : ""}</span>}
                        </td>
                      );
                    })}
                    {hasKey && <td className="num">{coder.keyUnits}</td>}
                    <td className="num">{valueText(cell(coder.withOthers, "pooled", statistic), statistic, scheme)}</td>
                    <td>
                      <button type="button" className="btn btn-small" onClick={() => setSelected(coder.id === selected ? null : coder.id)} aria-expanded={coder.id === selected} aria-label={`Details for ${coder.name}`} data-index={i}>
                        {coder.id === selected ? "Hide" : "Details"}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
        <p className="small muted">&quot;With the class&quot;: the mean of the coder&apos;s {name} with every other coder, all codes pooled.</p>
      </section>

      {selectedCoder && (
        <section className="agreement-section" aria-label={`Details for ${selectedCoder.name}`} id="coder-detail">
          <CoderDetailPanel exerciseId={exerciseId} coder={selectedCoder} model={model} keyCoderId={keyCoderId} statistic={statistic} scheme={scheme} styles={styles} onClose={() => setSelected(null)} />
        </section>
      )}

      <section className="agreement-section" aria-labelledby="class-pairs-h" id="coder-pairs">
        <PairHistogram model={model} variable={variable} statistic={statistic} scheme={scheme} title={`All ${model.pairCount.toLocaleString("en")} coder pairs — ${name} on ${variableLabel}`} />
      </section>
    </>
  );
}

const W = 720;
const H = 110;
const X0 = -0.2;
const x = (v: number) => 20 + ((Math.max(X0, Math.min(1, v)) - X0) / (1 - X0)) * (W - 40);

function BandBackground({ scheme, chanceCorrected }: { scheme: BandScheme; chanceCorrected: boolean }) {
  if (!chanceCorrected) return null;
  return (
    <>
      {scheme.bands.map((b, i) => {
        const from = Math.max(X0, b.min);
        const to = scheme.bands[i + 1]?.min ?? 1;
        if (to <= X0) return null;
        return (
          <g key={b.name}>
            <rect x={x(from)} y={0} width={x(to) - x(from)} height={H - 22} fill={bandShade(i, scheme.bands.length).fill} opacity={0.45} />
            <text x={(x(from) + x(to)) / 2} y={12} textAnchor="middle" className="axis-label">
              {b.name}
            </text>
          </g>
        );
      })}
    </>
  );
}

function Axis() {
  return (
    <g>
      {[-0.2, 0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => (
        <text key={t} x={x(t)} y={H - 6} textAnchor="middle" className="axis-label">
          {t.toFixed(1).replace("-", "−")}
        </text>
      ))}
    </g>
  );
}

function DotStrip({ coders, value, scheme, statistic, label, onPick }: { coders: CohortCoder[]; value: (c: CohortCoder) => number | null; scheme: BandScheme; statistic: StatisticId; label: string; onPick: (id: string) => void }) {
  const stacks = new Map<number, number>();
  const undefinedCount = coders.filter((c) => value(c) === null).length;
  return (
    <div className="chart-scroll">
      <svg viewBox={`0 0 ${W} ${H}`} className="cohort-chart" role="img" aria-label={`Distribution of ${label}: ${coders.length - undefinedCount} values${undefinedCount ? `, ${undefinedCount} not defined` : ""}`} data-testid="class-distribution">
        <BandBackground scheme={scheme} chanceCorrected={STATISTIC_NAMES[statistic].chanceCorrected} />
        {coders.map((c) => {
          const v = value(c);
          if (v === null) return null;
          const column = Math.round(x(v) / 7);
          const level = stacks.get(column) ?? 0;
          stacks.set(column, level + 1);
          return (
            <circle key={c.id} cx={column * 7} cy={H - 30 - level * 7} r={3.2} className="class-dot" onClick={() => onPick(c.id)}>
              <title>{`${c.name}: ${valueText(v, statistic, scheme)}`}</title>
            </circle>
          );
        })}
        <Axis />
      </svg>
    </div>
  );
}

function PairHistogram({ model, variable, statistic, scheme, title }: { model: CohortModel; variable: string; statistic: StatisticId; scheme: BandScheme; title: string }) {
  const counts = model.pairBins[COHORT_VARIABLES.indexOf(variable)]?.[(["alpha", "kappa", "ac1", "po"] as const).indexOf(statistic)] ?? [];
  const max = Math.max(1, ...counts);
  const total = counts.reduce((s, n) => s + n, 0);
  return (
    <figure className="agreement-figure">
      <figcaption>
        <h3>Coder pairs</h3>
        <p className="muted small">
          {title}: how many pairs fall in each range. A pair&apos;s own number, confusion and timeline: open a coder&apos;s details above.
        </p>
      </figcaption>
      <div className="chart-scroll">
        <svg viewBox={`0 0 ${W} ${H}`} className="cohort-chart" role="img" aria-label={`${title}: ${total} pairs with a value`} data-testid="pair-histogram">
          <BandBackground scheme={scheme} chanceCorrected={STATISTIC_NAMES[statistic].chanceCorrected} />
          {counts.map((n, i) => {
            const from = BIN_EDGES[i]!;
            if (from < X0 - 1e-9 || n === 0) return null;
            const h = ((H - 40) * n) / max;
            return (
              <rect key={from} x={x(from) + 1} y={H - 22 - h} width={x(from + 0.1) - x(from) - 2} height={h} className="class-bar">
                <title>{`${from.toFixed(1)} to ${(from + 0.1).toFixed(1)}: ${n} pairs`}</title>
              </rect>
            );
          })}
          <Axis />
        </svg>
      </div>
    </figure>
  );
}
