import * as Y from "yjs";

/**
 * The transcript's shape inside its Y.Doc (CONTRACTS §5): a ProseMirror fragment of `turn` elements whose
 * attributes are {id, speaker, role, start, end} and whose only child is the turn's text. The editor's
 * schema (components/editor) mirrors this; the server seeds it once at import, never the browser.
 */
export const TRANSCRIPT_FIELD = "transcript";
export const TURN_NODE = "turn";

export type SpeakerRole = "therapist" | "client" | "other";

export interface TurnInput {
  id: string;
  speaker: string;
  role: SpeakerRole;
  start: number | null;
  end: number | null;
  text: string;
}

export interface Turn extends TurnInput {
  index: number;
}

export function transcriptFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(TRANSCRIPT_FIELD);
}

export function writeTurns(doc: Y.Doc, turns: readonly TurnInput[]): void {
  const fragment = transcriptFragment(doc);
  doc.transact(() => {
    const elements = turns.map((turn) => {
      const element = new Y.XmlElement(TURN_NODE);
      element.setAttribute("id", turn.id);
      element.setAttribute("speaker", turn.speaker);
      element.setAttribute("role", turn.role);
      // y-prosemirror skips null attributes, so an untimed turn simply has no start/end.
      if (turn.start !== null) element.setAttribute("start", turn.start as unknown as string);
      if (turn.end !== null) element.setAttribute("end", turn.end as unknown as string);
      element.insert(0, [new Y.XmlText(turn.text)]);
      return element;
    });
    fragment.insert(fragment.length, elements);
  });
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function roleOf(value: unknown): SpeakerRole {
  return value === "therapist" || value === "client" ? value : "other";
}

export function readTurns(doc: Y.Doc): Turn[] {
  const turns: Turn[] = [];
  for (const node of transcriptFragment(doc).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== TURN_NODE) continue;
    const attrs = node.getAttributes() as Record<string, unknown>;
    const text = node
      .toArray()
      .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
      .join("");
    turns.push({
      id: String(attrs.id ?? ""),
      index: turns.length,
      speaker: String(attrs.speaker ?? ""),
      role: roleOf(attrs.role),
      start: numberOrNull(attrs.start),
      end: numberOrNull(attrs.end),
      text,
    });
  }
  return turns;
}
