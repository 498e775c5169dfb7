import { DIMENSIONS, POLARITIES, type Dimension, type Polarity } from "../domain/codebook";
import { uuidV5 } from "../qdpx/guid";
import { codePointTable } from "../qdpx/positions";
import type { QdaCode, QdaProject, QdaSelection, QdaUser } from "../qdpx/types";
import { writeQdpx } from "../qdpx/writer";
import type { ExportData, ExportTurn } from "./types";

/**
 * An exercise as a REFI-QDA project, for ATLAS.ti, MAXQDA, NVivo and QualCoder:
 * - one TextSource: the transcript as plain text, one line per turn, "Speaker: text";
 * - the codebook: a parent code per dimension (not codable) with its two poles as codable children,
 *   named like "Cognition — inflexible (cognitive fusion)", in the codebook's colour;
 * - one User per coder whose layer is included;
 * - one PlainTextSelection per code, created by its coder, with one Coding of its dimension × pole;
 *   the process tag and note go into the selection's Description.
 * Orphaned codes (their text is gone) have no place in the text and are left out; the project's
 * Description says how many. GUIDs are UUID v5 of our ids, so the same data gives the same file.
 */

export function codeGuid(dimension: Dimension, polarity: Polarity): string {
  return uuidV5(`code:${dimension}.${polarity}`);
}

export function dimensionGuid(dimension: Dimension): string {
  return uuidV5(`dimension:${dimension}`);
}

export function userGuid(userId: string): string {
  return uuidV5(`user:${userId}`);
}

export function sourceGuid(transcriptId: string): string {
  return uuidV5(`transcript:${transcriptId}`);
}

function speakerLabel(turn: ExportTurn): string {
  const speaker = turn.speaker.trim();
  if (speaker !== "") return speaker;
  return turn.role === "therapist" ? "Therapist" : turn.role === "client" ? "Client" : "Speaker";
}

/** "Cognitive fusion" → "cognitive fusion", but "ACT-consistent" stays as it is. */
function lowerFirst(text: string): string {
  const first = text[0];
  const second = text[1];
  if (first === undefined || (second !== undefined && second.toUpperCase() === second && second.toLowerCase() !== second)) return text;
  return first.toLowerCase() + text.slice(1);
}

/** The transcript as the source's text, and where each turn's own text begins in it (UTF-16, by turn index). */
export function sourceText(turns: readonly ExportTurn[]): { text: string; turnStart: number[] } {
  const turnStart: number[] = [];
  let text = "";
  turns.forEach((turn, i) => {
    if (i > 0) text += "\n";
    text += `${speakerLabel(turn)}: `;
    turnStart[turn.index] = text.length;
    text += turn.text;
  });
  return { text, turnStart };
}

function codeTree(data: ExportData): QdaCode[] {
  return DIMENSIONS.map((dimension) => {
    const entry = data.codebook.entries.find((e) => e.dimension === dimension);
    const label = entry?.label ?? dimension;
    return {
      guid: dimensionGuid(dimension),
      name: label,
      isCodable: false,
      ...(entry ? { color: entry.colour.toUpperCase() } : {}),
      children: POLARITIES.map((polarity) => {
        const pole = entry?.[polarity];
        return {
          guid: codeGuid(dimension, polarity),
          name: pole ? `${label} — ${polarity} (${lowerFirst(pole.process)})` : `${label} — ${polarity}`,
          isCodable: true,
          ...(entry ? { color: entry.colour.toUpperCase() } : {}),
          ...(pole ? { description: pole.definition } : {}),
        };
      }),
    };
  });
}

/** A process tag by its codebook label, with the id a script can match ("Reason-giving (cognition.inflexible.reason-giving)"). */
function processText(data: ExportData, process: string): string {
  for (const entry of data.codebook.entries) {
    for (const polarity of POLARITIES) {
      const tag = entry[polarity].tags.find((t) => t.id === process);
      if (tag) return `${tag.label} (${tag.id})`;
    }
  }
  return process;
}

function selectionName(quote: string): string {
  const chars = [...quote.split("\n").join(" ")];
  return chars.length > 60 ? `${chars.slice(0, 59).join("")}…` : chars.join("");
}

export function qdaProject(data: ExportData): QdaProject {
  const { text, turnStart } = sourceText(data.transcript.turns);
  const points = codePointTable(text);
  const source = sourceGuid(data.transcript.id);
  const selections: QdaSelection[] = [];
  let orphaned = 0;
  for (const code of data.codes) {
    const start = code.turnIndex === null ? undefined : turnStart[code.turnIndex];
    if (code.orphaned || code.startOffset === null || code.endOffset === null || start === undefined) {
      orphaned++;
      continue;
    }
    const creatingUser = userGuid(code.coderId);
    const creation = code.createdAt === "" ? {} : { creationDateTime: code.createdAt };
    const description = [code.process ? `Process: ${processText(data, code.process)}` : null, code.note ? `Note: ${code.note}` : null].filter((l): l is string => l !== null).join("\n");
    selections.push({
      guid: uuidV5(`selection:${data.exercise.id}:${code.coderId}:${code.id}`),
      name: selectionName(code.quote),
      startPosition: points[start + code.startOffset]!,
      endPosition: points[start + code.endOffset]!,
      creatingUser,
      ...creation,
      ...(description !== "" ? { description } : {}),
      codings: [{ guid: uuidV5(`coding:${data.exercise.id}:${code.coderId}:${code.id}`), codeGuid: codeGuid(code.dimension, code.polarity), creatingUser, ...creation }],
    });
  }
  const users: QdaUser[] = data.coders.map((c) => ({ guid: userGuid(c.id), name: c.name }));
  const exporter = userGuid(data.exportedBy.id);
  if (!users.some((u) => u.guid === exporter)) users.push({ guid: exporter, name: data.exportedBy.name });
  const scope = data.allLayers ? "all coders' layers" : "only the layers visible to the exporting user";
  const description = [
    `Exported from Coflex: exercise "${data.exercise.title}" (${data.exercise.mode}, ${data.exercise.state}), codebook "${data.codebook.name}" version ${data.codebook.version}.`,
    `Contains ${scope}: ${data.coders.length} coder${data.coders.length === 1 ? "" : "s"}, ${selections.length} coded selection${selections.length === 1 ? "" : "s"}.`,
    orphaned > 0 ? `${orphaned} code${orphaned === 1 ? " is" : "s are"} left out because the text ${orphaned === 1 ? "it" : "they"} marked was deleted or moved (see the CSV export).` : null,
  ]
    .filter((l): l is string => l !== null)
    .join("\n");
  return {
    name: data.exercise.title,
    origin: "Coflex",
    creatingUserGuid: exporter,
    creationDateTime: data.exportedAt.toISOString(),
    description,
    users,
    codes: codeTree(data),
    sources: [
      {
        guid: source,
        name: data.transcript.title,
        text,
        creationDateTime: data.exportedAt.toISOString(),
        selections,
      },
    ],
  };
}

export async function qdpxBytes(data: ExportData): Promise<Uint8Array<ArrayBuffer>> {
  // A copy on a plain ArrayBuffer: what a Response body accepts.
  return new Uint8Array(await writeQdpx(qdaProject(data), data.exportedAt));
}
