"use client";

import { useId, useMemo, useState } from "react";
import { splitCode } from "@/lib/domain/fadDistance";
import type { CoderMasks, DimensionStyle } from "./agreementData";
import { countShade, hatchId } from "./chartParts";
import { type ConfusionCategory, NO_CODE_LABEL, confusion, topConfusions } from "./unitModel";

/**
 * Code-by-code confusion (dimension × pole, plus "no code") for one pair — by default a trainee against
 * the key, the key as rows. The diagonal is agreement; everything off it is a mix-up a trainee can read
 * ("you coded SELF·I where the key has COG·I"), summarised in words beside the matrix.
 */

export interface ConfusionMatrixProps {
  coders: readonly CoderMasks[];
  keyCoderId: string | null;
  styles: readonly DimensionStyle[];
}

const CELL = 36;
const LEFT = 92;
const TOP = 74;

interface PairOption {
  value: string;
  label: string;
  rows: CoderMasks;
  columns: CoderMasks;
}

function pairOptions(coders: readonly CoderMasks[], keyCoderId: string | null): PairOption[] {
  const key = coders.find((c) => c.id === keyCoderId);
  const out: PairOption[] = [];
  if (key) for (const c of coders) if (c.id !== key.id) out.push({ value: `${key.id}:${c.id}`, label: `${c.name} vs the key (${key.name})`, rows: key, columns: c });
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const a = coders[i]!;
      const b = coders[j]!;
      if (key && (a.id === key.id || b.id === key.id)) continue;
      out.push({ value: `${a.id}:${b.id}`, label: `${a.name} vs ${b.name}`, rows: a, columns: b });
    }
  }
  return out;
}

export function ConfusionMatrix({ coders, keyCoderId, styles }: ConfusionMatrixProps) {
  const options = useMemo(() => pairOptions(coders, keyCoderId), [coders, keyCoderId]);
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  const option = options.find((o) => o.value === chosen) ?? options[0];
  const matrix = useMemo(() => (option ? confusion(option.rows, option.columns) : null), [option]);
  if (!option || !matrix) return null;

  const style = (category: ConfusionCategory) => (category === NO_CODE_LABEL ? null : styles.find((s) => s.dimension === splitCode(category).dimension));
  const short = (category: ConfusionCategory): string => {
    if (category === NO_CODE_LABEL) return "no code";
    const { polarity } = splitCode(category);
    return `${style(category)?.abbreviation ?? "?"}·${polarity === "flexible" ? "F" : "I"}`;
  };
  const max = Math.max(1, ...matrix.counts.flatMap((row, i) => row.filter((_, j) => !(i === j && matrix.categories[i] === NO_CODE_LABEL))));
  const size = matrix.categories.length;
  const width = LEFT + size * CELL + 4;
  const height = TOP + size * CELL + 4;
  const rowsName = option.rows.id === keyCoderId ? `${option.rows.name} (key)` : option.rows.name;
  const mixups = topConfusions(matrix, 4);
  const isKeyPair = option.rows.id === keyCoderId;

  return (
    <figure className="agreement-figure confusion-figure">
      <figcaption>
        <h3>Confusion matrix</h3>
        <label htmlFor={selectId} className="inline-field">
          Pair{" "}
          <select id={selectId} value={option.value} onChange={(e) => setChosen(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </figcaption>
      <div className="confusion-body">
        <div className="chart-scroll">
          <svg width={width + 24} height={height + 24} role="img" aria-label={`Confusion matrix: ${rowsName} in rows, ${option.columns.name} in columns, over ${matrix.turns} turns`} data-testid="confusion-matrix">
            <title>{`Codes of ${rowsName} (rows) against ${option.columns.name} (columns)`}</title>
            <text x={LEFT + (size * CELL) / 2} y={14} textAnchor="middle" className="axis-title-svg">
              columns: {option.columns.name}
            </text>
            <text transform={`translate(14 ${TOP + (size * CELL) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title-svg">
              rows: {rowsName}
            </text>
            {matrix.categories.map((category, j) => {
              const s = style(category);
              const cx = LEFT + j * CELL;
              return (
                <g key={`col-${category}`}>
                  {s && <rect x={cx + 6} y={TOP - 22} width={CELL - 12} height={10} fill={splitCode(category as Exclude<ConfusionCategory, "none">).polarity === "flexible" ? s.colour : `url(#${hatchId(s.dimension)})`} stroke={s.colour} strokeWidth={1.5} />}
                  <text x={cx + CELL / 2} y={TOP - 44} textAnchor="middle" className="code-head">
                    {category === NO_CODE_LABEL ? "no" : short(category).split("·")[0]}
                  </text>
                  <text x={cx + CELL / 2} y={TOP - 28} textAnchor="middle" className="code-head">
                    {category === NO_CODE_LABEL ? "code" : short(category).split("·")[1]}
                  </text>
                </g>
              );
            })}
            {matrix.categories.map((rowCategory, i) => {
              const s = style(rowCategory);
              const cy = TOP + i * CELL;
              return (
                <g key={`row-${rowCategory}`}>
                  {s && <rect x={LEFT - 20} y={cy + 11} width={12} height={12} fill={splitCode(rowCategory as Exclude<ConfusionCategory, "none">).polarity === "flexible" ? s.colour : `url(#${hatchId(s.dimension)})`} stroke={s.colour} strokeWidth={1.5} />}
                  <text x={LEFT - 26} y={cy + CELL / 2 + 5} textAnchor="end" className="code-head">
                    {short(rowCategory)}
                  </text>
                  {matrix.categories.map((columnCategory, j) => {
                    const count = matrix.counts[i]![j]!;
                    const cx = LEFT + j * CELL;
                    const diagonal = i === j;
                    const shade = countShade(diagonal && rowCategory === NO_CODE_LABEL ? Math.min(count, max) : count, max);
                    const label = `${rowsName}: ${short(rowCategory)} · ${option.columns.name}: ${short(columnCategory)} — ${count} turn${count === 1 ? "" : "s"}${diagonal ? " (agreement)" : ""}`;
                    return (
                      <g key={columnCategory}>
                        <title>{label}</title>
                        <rect x={cx} y={cy} width={CELL} height={CELL} fill={shade.fill} stroke="#d8dee4" strokeWidth={1} />
                        {diagonal && <rect x={cx + 1.5} y={cy + 1.5} width={CELL - 3} height={CELL - 3} fill="none" stroke="#1f2328" strokeWidth={2} />}
                        {count > 0 && (
                          <text x={cx + CELL / 2} y={cy + CELL / 2 + 5} textAnchor="middle" className="cell-count" fill={shade.ink}>
                            {count}
                          </text>
                        )}
                      </g>
                    );
                  })}
                </g>
              );
            })}
            {/* Dimension groups: a heavier line every two codes. */}
            {[2, 4, 6, 8, 10, 12].map((k) => (
              <g key={k} stroke="#57606a" strokeWidth={1.5}>
                <line x1={LEFT + k * CELL} x2={LEFT + k * CELL} y1={TOP} y2={TOP + size * CELL} />
                <line x1={LEFT} x2={LEFT + size * CELL} y1={TOP + k * CELL} y2={TOP + k * CELL} />
              </g>
            ))}
          </svg>
        </div>
        <div className="confusion-words">
          <p>
            <strong>{matrix.turns}</strong> turns looked at by both; identical codes on <strong>{matrix.agreedTurns}</strong>
            {matrix.turns > 0 ? ` (${Math.round((matrix.agreedTurns / matrix.turns) * 100)}%)` : ""}.
          </p>
          {mixups.length > 0 ? (
            <>
              <p className="small">Most frequent differences:</p>
              <ul className="mixups">
                {mixups.map((m) => (
                  <li key={`${m.row}:${m.column}`}>
                    {describe(m.row, m.column, short, isKeyPair ? "Key" : option.rows.name, option.columns.name)} — <strong>{m.count}</strong> turn{m.count === 1 ? "" : "s"}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="small muted">No differences between these two coders on the turns both looked at.</p>
          )}
          <p className="small muted">
            Diagonal (outlined) = same code. Codes of one turn are matched like the pooled α matches them: same code, then the other pole of the same dimension, then
            the rest; a code the other coder didn&apos;t see counts against “no code”. Solid = flexible, hatched = inflexible.
          </p>
        </div>
      </div>
    </figure>
  );
}

function describe(row: ConfusionCategory, column: ConfusionCategory, short: (c: ConfusionCategory) => string, rowsName: string, columnsName: string): string {
  return `${rowsName} ${short(row)}, ${columnsName} ${short(column)}`;
}
