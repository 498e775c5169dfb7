import JSZip from "jszip";
import { type QdaCode, type QdaProject, type QdaSelection, type QdaTextSource, QDA_PROJECT_NAMESPACE, QDA_PROJECT_SCHEMA_LOCATION } from "./types";
import { attributes, escapeText, xmlSafe } from "./xmlText";

/**
 * Writes a REFI-QDA project (.qdpx): a zip holding project.qde (the Project Exchange XML, schema 1.5,
 * namespace urn:QDA-XML:project:1.0) and one plain-text file per source under sources/, referenced as
 * plainTextPath="internal://<guid>.txt". Elements follow the schema's sequence order
 * (Users, CodeBook, Sources, Description); empty containers are left out because the schema wants at
 * least one child in each.
 *
 * Pure: the same project and date give the same bytes.
 */

export const PROJECT_ENTRY = "project.qde";
export const SOURCES_FOLDER = "sources";

export function sourceFileName(source: Pick<QdaTextSource, "guid">): string {
  return `${source.guid}.txt`;
}

function codeXml(code: QdaCode, indent: string): string {
  const head = `${indent}<Code${attributes([
    ["guid", code.guid],
    ["name", code.name],
    ["isCodable", code.isCodable],
    ["color", code.color],
  ])}`;
  const children = code.children ?? [];
  if (code.description === undefined && children.length === 0) return `${head}/>\n`;
  let out = `${head}>\n`;
  if (code.description !== undefined) out += `${indent}  <Description>${escapeText(code.description)}</Description>\n`;
  for (const child of children) out += codeXml(child, `${indent}  `);
  return `${out}${indent}</Code>\n`;
}

function selectionXml(selection: QdaSelection, indent: string): string {
  const head = `${indent}<PlainTextSelection${attributes([
    ["guid", selection.guid],
    ["name", selection.name],
    ["startPosition", selection.startPosition],
    ["endPosition", selection.endPosition],
    ["creatingUser", selection.creatingUser],
    ["creationDateTime", selection.creationDateTime],
  ])}`;
  if (selection.description === undefined && selection.codings.length === 0) return `${head}/>\n`;
  let out = `${head}>\n`;
  if (selection.description !== undefined) out += `${indent}  <Description>${escapeText(selection.description)}</Description>\n`;
  for (const coding of selection.codings) {
    out += `${indent}  <Coding${attributes([
      ["guid", coding.guid],
      ["creatingUser", coding.creatingUser],
      ["creationDateTime", coding.creationDateTime],
    ])}>\n`;
    out += `${indent}    <CodeRef${attributes([["targetGUID", coding.codeGuid]])}/>\n`;
    out += `${indent}  </Coding>\n`;
  }
  return `${out}${indent}</PlainTextSelection>\n`;
}

function sourceXml(source: QdaTextSource, indent: string): string {
  let out = `${indent}<TextSource${attributes([
    ["guid", source.guid],
    ["name", source.name],
    ["plainTextPath", `internal://${sourceFileName(source)}`],
    ["creatingUser", source.creatingUser],
    ["creationDateTime", source.creationDateTime],
  ])}>\n`;
  if (source.description !== undefined) out += `${indent}  <Description>${escapeText(source.description)}</Description>\n`;
  for (const selection of source.selections) out += selectionXml(selection, `${indent}  `);
  return `${out}${indent}</TextSource>\n`;
}

/** The project.qde document. */
export function projectXml(project: QdaProject): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n`;
  out += `<Project${attributes([
    ["xmlns", QDA_PROJECT_NAMESPACE],
    ["xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"],
    ["xsi:schemaLocation", QDA_PROJECT_SCHEMA_LOCATION],
    ["name", project.name],
    ["origin", project.origin],
    ["creatingUserGUID", project.creatingUserGuid],
    ["creationDateTime", project.creationDateTime],
  ])}>\n`;
  if (project.users.length > 0) {
    out += "  <Users>\n";
    for (const user of project.users) out += `    <User${attributes([["guid", user.guid], ["name", user.name]])}/>\n`;
    out += "  </Users>\n";
  }
  if (project.codes.length > 0) {
    out += "  <CodeBook>\n    <Codes>\n";
    for (const code of project.codes) out += codeXml(code, "      ");
    out += "    </Codes>\n  </CodeBook>\n";
  }
  if (project.sources.length > 0) {
    out += "  <Sources>\n";
    for (const source of project.sources) out += sourceXml(source, "    ");
    out += "  </Sources>\n";
  }
  if (project.description !== undefined) out += `  <Description>${escapeText(project.description)}</Description>\n`;
  return `${out}</Project>\n`;
}

/**
 * The .qdpx bytes. `date` stamps every zip entry, so two exports of unchanged data are byte-identical.
 * Source files are UTF-8 without a BOM (a BOM would shift every position by one in some readers).
 */
export async function writeQdpx(project: QdaProject, date: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  const options = { date, createFolders: false } as const;
  zip.file(PROJECT_ENTRY, projectXml(project), options);
  for (const source of project.sources) {
    // Characters XML could not carry are replaced in the text file too, so offsets mean the same in both.
    zip.file(`${SOURCES_FOLDER}/${sourceFileName(source)}`, xmlSafe(source.text), options);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
}
