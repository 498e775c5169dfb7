"use client";

import { useId, useState } from "react";
import { type BandScheme, bandFor, formatCoefficient, formatInterval } from "@/lib/domain/bands";
import type { AgreementData, DimensionStyle } from "./agreementData";
import { bandShade } from "./chartParts";
import { type StatisticId, formatPercent, readStatistic } from "./statistics";

/**
 * Coder × coder agreement on one variable (pooled by default): who codes like whom. Each cell prints the
 * value and, where there is room, its band; the shade is the band (light → dark = less → more
 * agreement), so the eye finds the weak pairs without reading every number.
 */

export interface PairHeatmapProps {
  data: AgreementData;
  statistic: StatisticId;
  scheme: BandScheme;
  styles: readonly DimensionStyle[];
}

const LABEL_WIDTH = 150;
const HEAD_HEIGHT = 64;

export function PairHeatmap({ data, statistic, scheme, styles }: PairHeatmapProps) {
  const [variable, setVariable] = useState("pooled");
  const selectId = useId();
  const names = new Map(data.coders.map((c) => [c.id, c.name]));
  const coders = data.comparedCoders;
  const n = coders.length;
  const cell = Math.max(30, Math.min(110, Math.floor(440 / Math.max(1, n))));
  const width = LABEL_WIDTH + n * cell + 4;
  const height = HEAD_HEIGHT + n * cell + 4;
  const pairOf = (a: string, b: string) => data.pairs.find((p) => (p.coderA === a && p.coderB === b) || (p.coderA === b && p.coderB === a));
  const variableLabel = variable === "pooled" ? "all codes (pooled)" : (styles.find((s) => s.dimension === variable)?.label ?? variable);
  const sample = readStatistic(pairOf(coders[0] ?? "", coders[1] ?? "")?.variables[variable], statistic);
  const bands = scheme.bands.length;

  return (
    <figure className="agreement-figure heatmap-figure">
      <figcaption>
        <h3>Coder pairs</h3>
        <p className="muted small">
          {sample.name} on {variableLabel} for every pair of coders. Darker = more agreement; {cell >= 80 ? "the band is named in each cell." : "each cell's title gives its band, CI and turns."}
        </p>
        <label htmlFor={selectId} className="inline-field">
          Variable{" "}
          <select id={selectId} value={variable} onChange={(e) => setVariable(e.target.value)}>
            <option value="pooled">All codes (pooled)</option>
            {styles.map((s) => (
              <option key={s.dimension} value={s.dimension}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {sample.chanceCorrected && (
          <ul className="band-legend" aria-label={`${scheme.name} bands`}>
            {scheme.bands.map((b, i) => {
              const shade = bandShade(i, bands);
              return (
                <li key={b.name}>
                  <span className="legend-box" style={{ background: shade.fill }} aria-hidden="true" />
                  {b.name}
                </li>
              );
            })}
            <li className="muted">— {scheme.name}</li>
          </ul>
        )}
      </figcaption>
      <div className="chart-scroll">
        <svg width={width} height={height} role="img" aria-label={`Heatmap of ${sample.name} on ${variableLabel} between ${n} coders`} data-testid="pair-heatmap">
          <title>{`${sample.name} per coder pair — ${variableLabel}`}</title>
          {coders.map((id, j) => (
            <text key={`col-${id}`} x={LABEL_WIDTH + j * cell + cell / 2} y={HEAD_HEIGHT - 10} textAnchor="middle" className="axis-label">
              {shorten(names.get(id) ?? id, cell)}
              <title>{names.get(id) ?? id}</title>
            </text>
          ))}
          {coders.map((a, i) => (
            <g key={`row-${a}`}>
              <text x={LABEL_WIDTH - 10} y={HEAD_HEIGHT + i * cell + cell / 2 + 5} textAnchor="end" className="axis-label">
                {shorten(names.get(a) ?? a, LABEL_WIDTH)}
                <title>{names.get(a) ?? a}</title>
              </text>
              {coders.map((b, j) => {
                const cx = LABEL_WIDTH + j * cell;
                const cy = HEAD_HEIGHT + i * cell;
                if (a === b) {
                  return (
                    <g key={b}>
                      <rect x={cx} y={cy} width={cell} height={cell} fill="#f6f8fa" stroke="#ffffff" strokeWidth={2} />
                      <text x={cx + cell / 2} y={cy + cell / 2 + 5} textAnchor="middle" className="cell-muted">
                        —
                      </text>
                    </g>
                  );
                }
                const pair = pairOf(a, b);
                const result = pair?.variables[variable];
                const reading = readStatistic(result, statistic);
                const place = reading.chanceCorrected ? bandFor(reading.value, scheme) : null;
                const shade = reading.value === null ? { fill: "#ffffff", ink: "#57606a" } : place ? bandShade(place.index, bands) : bandShade(Math.round(reading.value * 4), 5);
                const value = reading.value === null ? "n/a" : reading.chanceCorrected ? formatCoefficient(reading.value, scheme) : formatPercent(reading.value);
                const title = `${names.get(a) ?? a} vs ${names.get(b) ?? b} — ${variableLabel}: ${reading.name} ${value}, 95% CI ${formatInterval(reading.ci)}, ${place ? `${place.band.name} — ${scheme.name}` : reading.chanceCorrected ? "not defined" : "no band"}, ${result?.n_pairable_units ?? 0} turns`;
                return (
                  <g key={b} data-pair={`${a}:${b}`}>
                    <title>{title}</title>
                    <rect x={cx} y={cy} width={cell} height={cell} fill={shade.fill} stroke="#ffffff" strokeWidth={2} />
                    {reading.value === null && <rect x={cx + 2} y={cy + 2} width={cell - 4} height={cell - 4} fill="none" stroke="#8c959f" strokeDasharray="3 3" />}
                    {cell >= 34 && (
                      <text x={cx + cell / 2} y={cy + cell / 2 + (place && cell >= 80 ? -2 : 5)} textAnchor="middle" className="cell-value" fill={shade.ink}>
                        {value}
                      </text>
                    )}
                    {place && cell >= 80 && (
                      <text x={cx + cell / 2} y={cy + cell / 2 + 17} textAnchor="middle" className="cell-band" fill={shade.ink}>
                        {place.band.name}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}

function shorten(name: string, room: number): string {
  const max = Math.max(4, Math.floor(room / 8.5));
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
