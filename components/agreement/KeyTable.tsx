import { type BandScheme, bandFor, formatCoefficient, formatInterval } from "@/lib/domain/bands";
import type { AgreementData, DimensionStyle } from "./agreementData";
import { agreementNotes } from "./agreementNotes";
import { bandShade } from "./chartParts";
import { type StatisticId, formatPercent, readStatistic } from "./statistics";

/**
 * Each coder against the key coder's coding, per dimension and pooled — the score a trainee is judged
 * on. Cells carry the value, the band (as a word and a shade) and the CI; ⚠ where the note line under
 * the bars would warn.
 */

export interface KeyTableProps {
  data: AgreementData;
  statistic: StatisticId;
  scheme: BandScheme;
  styles: readonly DimensionStyle[];
}

export function KeyTable({ data, statistic, scheme, styles }: KeyTableProps) {
  const names = new Map(data.coders.map((c) => [c.id, c.name]));
  const keyName = data.keyCoderId ? (names.get(data.keyCoderId) ?? "the key") : "the key";
  const columns = [...styles.map((s) => ({ variable: s.dimension as string, label: s.abbreviation, title: s.label, kind: "dimension" as const })), { variable: "pooled", label: "All", title: "All codes (pooled)", kind: "pooled" as const }];
  const sample = readStatistic(data.vsKey[0]?.variables.pooled, statistic);
  const notesFor = (row: (typeof data.vsKey)[number], c: (typeof columns)[number]) =>
    agreementNotes(row.variables[c.variable], data.variableInfo[c.variable], { kind: c.kind, label: c.title.toLowerCase() }, statistic);
  // "Only n turns compared" holds for every cell alike: said once under the title, so ⚠ in a cell means something about that cell.
  const allNotes = data.vsKey.flatMap((row) => columns.map((c) => notesFor(row, c)));
  const cellNotes: string[] = [];
  const sharedFew = allNotes.length > 0 && allNotes.every((notes) => notes.some((n) => n.kind === "few")) ? allNotes[0]!.find((n) => n.kind === "few") : undefined;

  return (
    <figure className="agreement-figure">
      <figcaption>
        <h3>Against the key</h3>
        <p className="muted small">
          {sample.name} of each coder with {keyName}&apos;s coding (the key), per dimension. Band: {scheme.name}.
        </p>
        {sharedFew && <p className="small key-shared-note">⚠ {sharedFew.text}</p>}
      </figcaption>
      <div className="chart-scroll">
        <table className="key-table" data-testid="key-table">
          <thead>
            <tr>
              <th scope="col">Coder</th>
              {columns.map((c) => (
                <th key={c.variable} scope="col" title={c.title}>
                  {c.label}
                </th>
              ))}
              <th scope="col" title="Turns both looked at">
                Turns
              </th>
            </tr>
          </thead>
          <tbody>
            {data.vsKey.map((row) => (
              <tr key={row.coder}>
                <th scope="row">{names.get(row.coder) ?? row.coder}</th>
                {columns.map((c) => {
                  const result = row.variables[c.variable];
                  const reading = readStatistic(result, statistic);
                  const place = reading.chanceCorrected ? bandFor(reading.value, scheme) : null;
                  const shade = place ? bandShade(place.index, scheme.bands.length) : { fill: "#ffffff", ink: "#1f2328" };
                  const value = reading.value === null ? "—" : reading.chanceCorrected ? formatCoefficient(reading.value, scheme) : formatPercent(reading.value);
                  const notes = notesFor(row, c)
                    .filter((n) => !(sharedFew && n.kind === "few"))
                    .map((n) => n.text);
                  if (notes.length > 0) cellNotes.push(`${names.get(row.coder) ?? row.coder} · ${c.title}: ${notes.join(" ")}`);
                  const title = `${names.get(row.coder)} vs ${keyName} — ${c.title}: ${reading.name} ${value}, 95% CI ${formatInterval(reading.ci)}, ${place ? `${place.band.name} — ${scheme.name}` : reading.chanceCorrected ? "not defined" : "no band"}${notes.length ? `. ⚠ ${notes.join(" ")}` : ""}`;
                  return (
                    <td key={c.variable} className="key-cell" style={{ background: shade.fill, color: shade.ink }} title={title} data-coder={row.coder} data-variable={c.variable}>
                      <span className="key-value">
                        {value}
                        {notes.length > 0 && (
                          <span className="key-warn" aria-label={`Caution: ${notes.join(" ")}`}>
                            {" "}
                            ⚠
                          </span>
                        )}
                      </span>
                      <span className="key-band">{place ? place.band.name : reading.chanceCorrected ? "not defined" : ""}</span>
                      <span className="key-ci">{reading.ci ? formatInterval(reading.ci) : ""}</span>
                    </td>
                  );
                })}
                <td className="num">{row.variables.pooled?.n_pairable_units ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cellNotes.length > 0 && (
        <details className="computation-notes">
          <summary>Why ⚠ ({cellNotes.length})</summary>
          <ul>
            {cellNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
    </figure>
  );
}
