"use client";

import { useId, useMemo, useState } from "react";
import type { Dimension } from "@/lib/domain/codebook";
import { formatTime } from "../editor/formatTime";
import type { CoderMasks, DimensionStyle, UnitData } from "./agreementData";
import { PoleSwatch, hatchId } from "./chartParts";
import { type CellValue, MISSING, cellValue, disagreementsByTurn, hotspots } from "./unitModel";

/**
 * The session's process at a glance (UX "Plots where people would rather look"): turns along x, the six
 * dimensions as rows, each coder a thin line inside its dimension's row. Solid = flexible, hatched =
 * inflexible, half and half = both, grey = not looked at yet. A black frame marks a turn × dimension
 * where the coders differ; the worst turns are hotspots (▼ and a highlighted column).
 */

export interface ProcessTimelineProps {
  unit: UnitData;
  styles: readonly DimensionStyle[];
}

const HOT_ROW = 30;
const SPEAKER_ROW = 12;
const GROUP_GAP = 10;

function pluralTurns(n: number): string {
  return `${n} turn${n === 1 ? "" : "s"}`;
}

export function ProcessTimeline({ unit, styles }: ProcessTimelineProps) {
  const [only, setOnly] = useState<string>("all");
  const selectId = useId();
  const turns = unit.turns;
  const shown: CoderMasks[] = only === "all" ? unit.coders : unit.coders.filter((c) => c.id === only);
  const disagreements = useMemo(() => disagreementsByTurn(unit.coders, turns.length), [unit.coders, turns.length]);
  const hot = useMemo(() => hotspots(disagreements), [disagreements]);
  // Units may be client turns only: a column's number is the transcript's turn number, not its position.
  const turnNumber = (t: number): number => (turns[t]?.index ?? t) + 1;
  const differs = useMemo(() => new Set(disagreements.flatMap((d) => d.dimensions.map((dim) => `${d.turn}:${dim}`))), [disagreements]);

  const subH = shown.length <= 3 ? 16 : shown.length <= 6 ? 11 : Math.max(4, Math.floor(60 / shown.length));
  // Room for the dimension's name and, when the lines are tall enough to label, each coder's name.
  const left = subH >= 11 ? 150 + Math.min(12, Math.max(...shown.map((c) => c.name.length), 4)) * 7 : 160;
  const cellW = Math.max(6, Math.min(26, Math.floor((1170 - left) / Math.max(1, turns.length))));
  const groupH = shown.length * subH;
  const top = HOT_ROW + SPEAKER_ROW + 10;
  const plotH = styles.length * (groupH + GROUP_GAP);
  const width = left + turns.length * cellW + 12;
  const height = top + plotH + 44;
  const axisY = top + plotH;
  const tickEvery = cellW >= 20 ? 5 : cellW >= 10 ? 10 : 25;

  const describeTurn = (t: number): string => {
    const turn = turns[t]!;
    const time = formatTime(turn.start);
    return `Turn ${turnNumber(t)} · ${turn.speaker}${time ? ` · ${time}` : ""}`;
  };
  const valueWord = (v: CellValue): string => (v === "missing" ? "not looked at yet" : v === "none" ? "no code" : v);

  return (
    <figure className="agreement-figure timeline-figure">
      <figcaption>
        <h3>Process timeline</h3>
        <p className="muted small">
          Turns left to right; one row per dimension, one line per coder. {disagreements.length > 0 ? `Coders differ on ${pluralTurns(disagreements.length)}` : "No disagreements"}
          {hot.length > 0 ? `; hotspots ▼ at turn${hot.length === 1 ? "" : "s"} ${hot.map(turnNumber).join(", ")}.` : "."}
        </p>
        {unit.coders.length > 1 && (
          <label htmlFor={selectId} className="inline-field">
            Show{" "}
            <select id={selectId} value={only} onChange={(e) => setOnly(e.target.value)}>
              <option value="all">All coders, stacked</option>
              {unit.coders.map((c) => (
                <option key={c.id} value={c.id}>
                  Only {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </figcaption>
      <div className="chart-scroll">
        <svg width={width} height={height} role="img" aria-label={`Process timeline over ${pluralTurns(turns.length)} for ${shown.map((c) => c.name).join(", ")}`} data-testid="process-timeline">
          <title>Process timeline: flexible and inflexible codes per dimension and turn</title>
          {/* Hotspot columns behind everything. */}
          {hot.map((t) => (
            <g key={`hot-${t}`} data-hotspot={turnNumber(t)}>
              <rect x={left + t * cellW - 1} y={HOT_ROW - 4} width={cellW + 2} height={axisY - HOT_ROW + 4} fill="#fff1c2" />
              <path d={`M ${left + t * cellW + cellW / 2 - 7} ${HOT_ROW - 16} h 14 l -7 10 z`} fill="#1f2328" />
              <text x={left + t * cellW + cellW / 2} y={HOT_ROW - 19} textAnchor="middle" className="hot-label">
                {turnNumber(t)}
              </text>
              <title>{`Hotspot — ${describeTurn(t)}: coders differ on ${disagreements.find((d) => d.turn === t)?.dimensions.join(", ")}`}</title>
            </g>
          ))}
          <text x={left - 8} y={HOT_ROW - 8} textAnchor="end" className="row-note">
            hotspots
          </text>
          {/* Speaker strip: client turns carry the process codes. */}
          <text x={left - 8} y={HOT_ROW + SPEAKER_ROW - 2} textAnchor="end" className="row-note">
            client turns
          </text>
          {turns.map((turn, t) => (
            <rect key={turn.id} x={left + t * cellW} y={HOT_ROW + 2} width={cellW - 1} height={SPEAKER_ROW - 2} fill={turn.role === "client" ? "#57606a" : "#ffffff"} stroke="#8c959f" strokeWidth={0.5}>
              <title>{describeTurn(t)}</title>
            </rect>
          ))}
          {styles.map((style, d) => {
            const gy = top + d * (groupH + GROUP_GAP);
            return (
              <g key={style.dimension} data-dimension={style.dimension}>
                <rect x={left} y={gy - 2} width={turns.length * cellW} height={groupH + 4} fill="none" stroke="#d8dee4" />
                <rect x={8} y={gy + groupH / 2 - 6} width={12} height={12} fill={style.colour} />
                <text x={26} y={gy + groupH / 2 + 5} className="dim-name">
                  {style.label}
                </text>
                {subH >= 11 &&
                  shown.map((c, k) => (
                    <text key={c.id} x={left - 8} y={gy + k * subH + subH / 2 + 4} textAnchor="end" className="tl-coder">
                      {c.name.length > 12 ? `${c.name.slice(0, 11)}…` : c.name}
                    </text>
                  ))}
                {shown.map((c, k) =>
                  turns.map((turn, t) => {
                    const v = cellValue(c.masks[t] ?? MISSING, style.dimension);
                    if (v === "none") return null;
                    return <Cell key={`${c.id}:${turn.id}`} x={left + t * cellW} y={gy + k * subH + 1} w={cellW - 1} h={subH - 2} value={v} dimension={style.dimension} colour={style.colour} title={`${describeTurn(t)} — ${style.label}, ${c.name}: ${valueWord(v)}`} />;
                  }),
                )}
                {turns.map((turn, t) =>
                  differs.has(`${t}:${style.dimension}`) ? (
                    <rect key={`dis-${turn.id}`} x={left + t * cellW - 0.5} y={gy - 1.5} width={cellW} height={groupH + 3} fill="none" stroke="#000000" strokeWidth={2}>
                      <title>{`${describeTurn(t)} — coders differ on ${style.label}: ${unit.coders.map((c) => `${c.name} ${valueWord(cellValue(c.masks[t] ?? MISSING, style.dimension as Dimension))}`).join("; ")}`}</title>
                    </rect>
                  ) : null,
                )}
              </g>
            );
          })}
          {/* x axis: turn numbers, with the session time under every other label. */}
          <line x1={left} x2={left + turns.length * cellW} y1={axisY} y2={axisY} stroke="#57606a" />
          {turns.map((turn, t) =>
            (t + 1) % tickEvery === 0 || t === 0 ? (
              <g key={`tick-${turn.id}`}>
                <line x1={left + t * cellW + cellW / 2} x2={left + t * cellW + cellW / 2} y1={axisY} y2={axisY + 5} stroke="#57606a" />
                <text x={left + t * cellW + cellW / 2} y={axisY + 18} textAnchor="middle" className="tick">
                  {turnNumber(t)}
                </text>
                {((t + 1) % (tickEvery * 2) === 0 || t === 0) && turn.start !== null && (
                  <text x={left + t * cellW + cellW / 2} y={axisY + 32} textAnchor="middle" className="tick muted-tick">
                    {formatTime(turn.start)}
                  </text>
                )}
              </g>
            ) : null,
          )}
          <text x={left - 8} y={axisY + 18} textAnchor="end" className="row-note">
            turn
          </text>
          <text x={left - 8} y={axisY + 32} textAnchor="end" className="row-note">
            time
          </text>
        </svg>
      </div>
      <ul className="timeline-legend" aria-label="Legend">
        <li>
          <PoleSwatch colour="#57606a" polarity="flexible" dimension="neutral" /> flexible
        </li>
        <li>
          <PoleSwatch colour="#57606a" polarity="inflexible" dimension="neutral" /> inflexible
        </li>
        <li>
          <PoleSwatch colour="#57606a" polarity="both" dimension="neutral" /> both
        </li>
        <li>
          <span className="legend-box legend-missing" aria-hidden="true" /> not looked at yet
        </li>
        <li>
          <span className="legend-box legend-differ" aria-hidden="true" /> coders differ
        </li>
        <li>
          <span className="legend-hot" aria-hidden="true">
            ▼
          </span>{" "}
          hotspot (2+ dimensions differ)
        </li>
        <li className="muted">Colour = dimension</li>
      </ul>
      {hot.length > 0 && (
        <p className="small hotspot-list">
          <strong>Hotspots:</strong>{" "}
          {hot.map((t, i) => (
            <span key={t}>
              {i > 0 && "; "}
              {describeTurn(t)} — {disagreements.find((d) => d.turn === t)?.dimensions.map((dim) => styles.find((s) => s.dimension === dim)?.label ?? dim).join(", ")}
            </span>
          ))}
        </p>
      )}
    </figure>
  );
}

function Cell({ x, y, w, h, value, dimension, colour, title }: { x: number; y: number; w: number; h: number; value: CellValue; dimension: string; colour: string; title: string }) {
  if (value === "missing") {
    return (
      <rect x={x} y={y} width={w} height={h} fill="#e4e7eb">
        <title>{title}</title>
      </rect>
    );
  }
  if (value === "both") {
    return (
      <g>
        <title>{title}</title>
        <rect x={x} y={y} width={w} height={h / 2} fill={colour} />
        <rect x={x} y={y + h / 2} width={w} height={h / 2} fill={`url(#${hatchId(dimension)})`} />
        <rect x={x + 0.5} y={y + 0.5} width={w - 1} height={h - 1} fill="none" stroke={colour} strokeWidth={1.5} />
      </g>
    );
  }
  return (
    <rect x={x + 0.5} y={y + 0.5} width={w - 1} height={h - 1} fill={value === "flexible" ? colour : `url(#${hatchId(dimension)})`} stroke={colour} strokeWidth={1.5}>
      <title>{title}</title>
    </rect>
  );
}
