import { type BandScheme, bandFor, bandSegments, formatCoefficient, formatInterval } from "@/lib/domain/bands";
import type { AgreementData, DimensionStyle } from "./agreementData";
import { agreementNotes, type NoteSubject } from "./agreementNotes";
import { type StatisticId, formatPercent, readStatistic } from "./statistics";

/**
 * Per-dimension agreement: one row per dimension (and, on request, per pole), a bar with its bootstrap
 * CI as a whisker over the scheme's bands, and beside it everything a number needs to be trusted —
 * coefficient name, value, CI, band with its scheme, turns compared, coders — and a ⚠ line where the
 * number misleads.
 */

const BAR_WIDTH = 400;
const BAR_HEIGHT = 34;
const PAD = 8;

interface Row {
  variable: string;
  label: string;
  sub?: string;
  colour: string;
  pattern?: string;
  subject: NoteSubject;
  indent: boolean;
}

export interface DimensionBarsProps {
  data: AgreementData;
  statistic: StatisticId;
  scheme: BandScheme;
  styles: readonly DimensionStyle[];
  showPoles: boolean;
}

function rowsFor(styles: readonly DimensionStyle[], showPoles: boolean): Row[] {
  const rows: Row[] = [];
  for (const s of styles) {
    rows.push({ variable: s.dimension, label: s.label, sub: s.abbreviation, colour: s.colour, subject: { kind: "dimension", label: s.label.toLowerCase() }, indent: false });
    if (showPoles) {
      rows.push({ variable: `${s.dimension}.flexible`, label: "flexible", sub: `${s.abbreviation}·F`, colour: s.colour, subject: { kind: "presence", label: `${s.abbreviation}·F` }, indent: true });
      rows.push({
        variable: `${s.dimension}.inflexible`,
        label: "inflexible",
        sub: `${s.abbreviation}·I`,
        colour: s.colour,
        pattern: `url(#agreement-hatch-${s.dimension})`,
        subject: { kind: "presence", label: `${s.abbreviation}·I` },
        indent: true,
      });
    }
  }
  rows.push({ variable: "pooled", label: "All codes", sub: "pooled", colour: "#57606a", subject: { kind: "pooled", label: "anything" }, indent: false });
  return rows;
}

/** The x-range shown: 0 … 1, extended below 0 (in steps of 0.2) when a value or CI is negative. */
function domainFor(values: number[]): [number, number] {
  const low = Math.min(0, ...values);
  return [Math.max(-1, Math.floor(low * 5 - 1e-9) / 5), 1];
}

export function DimensionBars({ data, statistic, scheme, styles, showPoles }: DimensionBarsProps) {
  const rows = rowsFor(styles, showPoles);
  const readings = rows.map((row) => ({ row, result: data.variables[row.variable], reading: readStatistic(data.variables[row.variable], statistic) }));
  const first = readings.find((r) => r.result)?.reading ?? readStatistic(undefined, statistic);
  const banded = first.chanceCorrected;
  const extent = readings.flatMap(({ reading }) => [reading.value, ...(reading.ci ?? [])].filter((v): v is number => v !== null));
  const [lo, hi] = banded ? domainFor(extent) : [0, 1];
  const x = (v: number): number => PAD + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (BAR_WIDTH - 2 * PAD);
  const segments = banded ? bandSegments(scheme).filter((s) => s.to > lo) : [];
  const notesByRow = readings.map(({ row, result }) => agreementNotes(result, data.variableInfo[row.variable], row.subject, statistic));
  // "Only n turns compared" is true of every row alike: said once above the table, not seven times.
  const fewEverywhere = readings.every(({ result }, i) => !result || notesByRow[i]!.some((n) => n.kind === "few"));
  const sharedFew = fewEverywhere ? notesByRow.flat().find((n) => n.kind === "few") : undefined;
  const ticks: number[] = [];
  for (let t = Math.round(lo * 5); t <= 5; t++) ticks.push(t / 5);

  return (
    <>
    {sharedFew && (
      <p className="bars-shared-note" data-testid="shared-note">
        <span aria-hidden="true">⚠ </span>
        <span className="sr-only">Caution: </span>
        {sharedFew.text}
      </p>
    )}
    <table className="agreement-bars" aria-describedby="bars-caption">
      <caption id="bars-caption" className="sr-only">
        {first.name} per dimension, with 95% bootstrap confidence intervals and {banded ? `${scheme.name} bands` : "no bands (percent agreement is not chance-corrected)"}.
      </caption>
      <colgroup>
        <col className="col-dimension" />
        <col style={{ width: BAR_WIDTH + 12 }} />
        <col className="col-value" />
        <col className="col-ci" />
        <col />
        <col className="col-n" />
        <col className="col-n" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col" className="bars-axis-head">
            <svg width={BAR_WIDTH} height={48} role="img" aria-label={banded ? `${scheme.name} bands from ${lo} to 1` : "Scale 0 to 100%"}>
              <title>{banded ? `${scheme.name} bands` : "Percent agreement, 0 to 100%"}</title>
              {/* Every band's shading first, then every name: a name wider than its band is not covered by the next band's shading. */}
              {segments.map((s, i) => {
                const from = x(Math.max(lo, s.from));
                const to = x(s.to);
                return <rect key={`shade-${s.band.name}`} x={from} y={0} width={to - from} height={30} fill={i % 2 === 0 ? "#ffffff" : "#e9edf1"} />;
              })}
              {segments.map((s) => {
                const from = x(Math.max(lo, s.from));
                const to = x(s.to);
                const mid = (from + to) / 2;
                const words = s.band.name.split(" ");
                // A name that does not fit its band goes on two lines, or (one word) on the lower line, clear of its neighbours'.
                const fits = s.band.name.length * 6.6 <= to - from - 4;
                return (
                  <g key={s.band.name}>
                    {fits ? (
                      <text x={mid} y={13} textAnchor="middle" className="band-name">
                        {s.band.name}
                      </text>
                    ) : words.length > 1 ? (
                      <text x={mid} y={13} textAnchor="middle" className="band-name">
                        <tspan x={mid}>{words[0]}</tspan>
                        <tspan x={mid} dy={13}>
                          {words.slice(1).join(" ")}
                        </tspan>
                      </text>
                    ) : (
                      <text x={mid} y={26} textAnchor="middle" className="band-name">
                        {s.band.name}
                      </text>
                    )}
                  </g>
                );
              })}
              {ticks.map((t) => (
                <text key={t} x={x(t)} y={45} textAnchor="middle" className="tick">
                  {banded ? formatTick(t) : `${Math.round(t * 100)}%`}
                </text>
              ))}
            </svg>
            <span className="axis-title">{banded ? `${first.symbol} · shaded: ${scheme.name} bands` : "percent agreement"}</span>
          </th>
          <th scope="col">Value</th>
          <th scope="col">95% CI</th>
          <th scope="col">Band</th>
          <th scope="col" title="Turns looked at by at least two coders (the units the number rests on)">
            Turns
          </th>
          <th scope="col">Coders</th>
        </tr>
      </thead>
      <tbody>
        {readings.map(({ row, result, reading }, i) => {
          const place = banded ? bandFor(reading.value, scheme) : null;
          const notes = notesByRow[i]!.filter((n) => !(sharedFew && n.kind === "few")).map((n) => n.text);
          const valueText = reading.value === null ? "—" : banded ? formatCoefficient(reading.value, scheme) : formatPercent(reading.value);
          const bandText = !banded ? "no band: not chance-corrected" : place ? `${place.band.name} — ${scheme.name}` : "not defined";
          const summary = `${row.label}${row.indent ? ` (${row.sub})` : ""}: ${reading.name} ${valueText}, 95% CI ${formatInterval(reading.ci)}, ${bandText}, ${result?.n_pairable_units ?? 0} turns, ${result?.n_coders ?? 0} coders`;
          return (
            <RowGroup key={row.variable} notes={notes} variable={row.variable}>
              <tr className={`bars-row${row.indent ? " bars-row-pole" : ""}${notes.length > 0 ? " has-notes" : ""}`} data-variable={row.variable}>
                <th scope="row">
                  <span className="dim-label">
                    {!row.indent && <span className="dim-swatch" style={{ background: row.colour }} aria-hidden="true" />}
                    {row.label}
                  </span>
                  {row.indent && <span className="muted small"> {row.sub}</span>}
                  {row.variable === "pooled" && <span className="muted small pooled-sub">pooled, form-aware</span>}
                </th>
                <td className="bars-cell">
                  <svg width={BAR_WIDTH} height={BAR_HEIGHT} role="img" aria-label={summary}>
                    <title>{summary}</title>
                    {segments.map((s, i) => (
                      <rect key={s.band.name} x={x(Math.max(lo, s.from))} y={0} width={x(s.to) - x(Math.max(lo, s.from))} height={BAR_HEIGHT} fill={i % 2 === 0 ? "#ffffff" : "#e9edf1"} />
                    ))}
                    {!banded && <rect x={x(0)} y={0} width={x(1) - x(0)} height={BAR_HEIGHT} fill="#f6f8fa" />}
                    <line x1={x(0)} x2={x(0)} y1={0} y2={BAR_HEIGHT} stroke="#57606a" strokeWidth={1} />
                    {reading.value !== null && (
                      <rect
                        x={Math.min(x(0), x(reading.value))}
                        y={row.indent ? 11 : 8}
                        width={Math.max(1.5, Math.abs(x(reading.value) - x(0)))}
                        height={row.indent ? 12 : 18}
                        fill={row.pattern ?? row.colour}
                        stroke="#1f2328"
                        strokeWidth={1}
                      />
                    )}
                    {reading.ci && (
                      <g stroke="#1f2328" strokeWidth={2.5} className="ci-whisker">
                        <line x1={x(reading.ci[0])} x2={x(reading.ci[1])} y1={BAR_HEIGHT / 2} y2={BAR_HEIGHT / 2} />
                        <line x1={x(reading.ci[0])} x2={x(reading.ci[0])} y1={BAR_HEIGHT / 2 - 7} y2={BAR_HEIGHT / 2 + 7} />
                        <line x1={x(reading.ci[1])} x2={x(reading.ci[1])} y1={BAR_HEIGHT / 2 - 7} y2={BAR_HEIGHT / 2 + 7} />
                      </g>
                    )}
                    {reading.value !== null && <circle cx={x(reading.value)} cy={BAR_HEIGHT / 2} r={4.5} fill="#ffffff" stroke="#1f2328" strokeWidth={2} />}
                    {reading.value === null && (
                      <text x={x(0) + 6} y={BAR_HEIGHT / 2 + 5} className="tick">
                        not defined
                      </text>
                    )}
                  </svg>
                </td>
                <td className="bars-value">
                  {banded && <span className="stat-symbol">{reading.symbol} </span>}
                  <strong>{valueText}</strong>
                </td>
                <td className="bars-ci">{formatInterval(reading.ci)}</td>
                <td className="bars-band">
                  {place ? (
                    <>
                      <strong className="nowrap">{place.band.name}</strong> <span className="muted nowrap">— {scheme.name}</span>
                    </>
                  ) : (
                    <span className="muted">{bandText}</span>
                  )}
                </td>
                <td className="num">{result?.n_pairable_units ?? 0}</td>
                <td className="num">{result?.n_coders ?? 0}</td>
              </tr>
            </RowGroup>
          );
        })}
      </tbody>
    </table>
    </>
  );
}

function formatTick(t: number): string {
  if (t === 0) return "0";
  if (t === 1) return "1";
  return t < 0 ? `−${Math.abs(t).toFixed(1).replace(/^0/, "")}` : t.toFixed(1).replace(/^0/, "");
}

function RowGroup({ children, notes, variable }: { children: React.ReactNode; notes: string[]; variable: string }) {
  return (
    <>
      {children}
      {notes.length > 0 && (
        <tr className="bars-note" data-note-for={variable}>
          <td />
          <td colSpan={6}>
            <span aria-hidden="true">⚠ </span>
            <span className="sr-only">Caution: </span>
            {notes.join(" ")}
          </td>
        </tr>
      )}
    </>
  );
}
