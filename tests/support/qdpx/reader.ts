import JSZip from "jszip";
import { type QdaCoding, type QdaUser, QDA_PROJECT_NAMESPACE, type ReadCode, type ReadProject, type ReadSelection, type ReadSource } from "../../../lib/qdpx/types";
import { PROJECT_ENTRY } from "../../../lib/qdpx/writer";
import { childElements, firstChild, parseXml, textContent, type XmlElement } from "./xmlParser";

/**
 * Test support only (the app never reads QDPX): tests read back what the exporter wrote to check it.
 * Reads a REFI-QDA project (.qdpx) back into users, a flat code list (each code knows its parent),
 * plain-text sources with their text, and every coded selection. It reads what Coflex writes and the
 * common shape other tools write (sources as internal:// files under sources/ or Sources/, or inline
 * PlainTextContent); other source kinds (PDF, pictures, audio) are skipped.
 */

export class QdpxReadError extends Error {
  override name = "QdpxReadError";
}

export interface ReadQdpxOptions {
  /** Largest uncompressed project.qde or source file accepted, in bytes (a zip bomb stops here). */
  maxEntryBytes?: number;
}

function optional(element: XmlElement, attribute: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(element.attributes, attribute) ? element.attributes[attribute] : undefined;
}

function required(element: XmlElement, attribute: string): string {
  const value = optional(element, attribute);
  if (value === undefined) throw new QdpxReadError(`<${element.name}> has no ${attribute}`);
  return value;
}

function position(element: XmlElement, attribute: string): number {
  const raw = required(element, attribute);
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < 0) throw new QdpxReadError(`<${element.name}> ${attribute} is not a position`);
  return value;
}

function description(element: XmlElement): string | undefined {
  const node = firstChild(element, "Description");
  return node ? textContent(node) : undefined;
}

/** The base object plus each extra key that has a value (optional keys stay absent, not undefined). */
function withOptional<T extends object>(base: T, extra: Record<string, string | undefined>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out as T;
}

function readCodes(parent: XmlElement, parentGuid: string | null, out: ReadCode[]): void {
  for (const code of childElements(parent, "Code")) {
    const guid = required(code, "guid");
    out.push(
      withOptional<ReadCode>(
        { guid, name: required(code, "name"), isCodable: optional(code, "isCodable") === "true", parentGuid },
        { color: optional(code, "color"), description: description(code) },
      ),
    );
    readCodes(code, guid, out);
  }
}

async function entryText(zip: JSZip, path: string, maxBytes: number): Promise<string | null> {
  const wanted = path.toLowerCase();
  const file = Object.values(zip.files).find((f) => !f.dir && f.name.toLowerCase() === wanted);
  if (!file) return null;
  const bytes = await boundedBytes(file, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new QdpxReadError(`${file.name} is not UTF-8 text`);
  }
}

/** Inflates an entry but stops as soon as it outgrows maxBytes: a zip may lie about its sizes. */
function boundedBytes(file: JSZip.JSZipObject, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer | string) => {
      if (settled) return;
      if (typeof chunk === "string") chunk = Buffer.from(chunk, "utf8");
      total += chunk.length;
      if (total > maxBytes) {
        settled = true;
        stream.pause();
        reject(new QdpxReadError(`${file.name} is too large`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    stream.on("error", () => {
      if (settled) return;
      settled = true;
      reject(new QdpxReadError(`${file.name} is damaged`));
    });
  });
}

/** Where an internal:// path lives inside the zip (REFI-QDA keeps sources in the sources folder). */
function internalEntry(path: string): string | null {
  const prefix = "internal://";
  if (!path.startsWith(prefix)) return null;
  const name = path.slice(prefix.length);
  if (name === "" || name.includes("..") || name.startsWith("/")) throw new QdpxReadError("a source path leaves the sources folder");
  return `sources/${name}`;
}

export async function readQdpx(bytes: Uint8Array, options: ReadQdpxOptions = {}): Promise<ReadProject> {
  const maxEntryBytes = options.maxEntryBytes ?? 64 * 1024 * 1024;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new QdpxReadError("not a zip file");
  }
  const xml = await entryText(zip, PROJECT_ENTRY, maxEntryBytes);
  if (xml === null) throw new QdpxReadError(`no ${PROJECT_ENTRY} in the archive`);
  const root = parseXml(xml);
  if (root.name !== "Project") throw new QdpxReadError("the root element is not <Project>");
  const namespace = optional(root, root.qname.includes(":") ? `xmlns:${root.qname.slice(0, root.qname.indexOf(":"))}` : "xmlns");
  if (namespace !== undefined && namespace !== QDA_PROJECT_NAMESPACE) throw new QdpxReadError(`unexpected namespace ${namespace}`);

  const users: QdaUser[] = [];
  const usersNode = firstChild(root, "Users");
  if (usersNode) for (const user of childElements(usersNode, "User")) users.push({ guid: required(user, "guid"), name: optional(user, "name") ?? "" });

  const codes: ReadCode[] = [];
  const codesNode = firstChild(root, "CodeBook");
  const codeList = codesNode ? firstChild(codesNode, "Codes") : null;
  if (codeList) readCodes(codeList, null, codes);

  const sources: ReadSource[] = [];
  const selections: ReadSelection[] = [];
  const sourcesNode = firstChild(root, "Sources");
  for (const source of sourcesNode ? childElements(sourcesNode, "TextSource") : []) {
    const guid = required(source, "guid");
    const plainTextPath = optional(source, "plainTextPath");
    let text: string | null = null;
    const inline = firstChild(source, "PlainTextContent");
    if (inline) text = textContent(inline);
    else if (plainTextPath !== undefined) {
      const entry = internalEntry(plainTextPath);
      if (entry === null) throw new QdpxReadError("a source lives outside the archive");
      text = await entryText(zip, entry, maxEntryBytes);
      if (text === null) throw new QdpxReadError(`source file ${entry} is missing`);
      // Some tools write a BOM; it is not part of the text the positions count.
      if (text.startsWith("\uFEFF")) text = text.slice(1);
    }
    if (text === null) throw new QdpxReadError("a text source has no text");
    sources.push(
      withOptional<ReadSource>(
        { guid, name: optional(source, "name") ?? "", text },
        { plainTextPath, creatingUser: optional(source, "creatingUser"), creationDateTime: optional(source, "creationDateTime"), description: description(source) },
      ),
    );
    for (const selection of childElements(source, "PlainTextSelection")) {
      const codings: QdaCoding[] = childElements(selection, "Coding").map((coding) => {
        const ref = firstChild(coding, "CodeRef");
        if (!ref) throw new QdpxReadError("a <Coding> has no <CodeRef>");
        return withOptional<QdaCoding>(
          { guid: required(coding, "guid"), codeGuid: required(ref, "targetGUID") },
          { creatingUser: optional(coding, "creatingUser"), creationDateTime: optional(coding, "creationDateTime") },
        );
      });
      const startPosition = position(selection, "startPosition");
      const endPosition = position(selection, "endPosition");
      if (endPosition < startPosition) throw new QdpxReadError("a selection ends before it starts");
      selections.push(
        withOptional<ReadSelection>(
          { guid: required(selection, "guid"), sourceGuid: guid, startPosition, endPosition, codings },
          {
            name: optional(selection, "name"),
            creatingUser: optional(selection, "creatingUser"),
            creationDateTime: optional(selection, "creationDateTime"),
            description: description(selection),
          },
        ),
      );
    }
  }

  const project = withOptional<ReadProject["project"]>(
    { name: optional(root, "name") ?? "" },
    { origin: optional(root, "origin"), creatingUserGuid: optional(root, "creatingUserGUID"), creationDateTime: optional(root, "creationDateTime"), description: description(root) },
  );
  return { project, users, codes, sources, selections };
}
