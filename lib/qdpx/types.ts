/**
 * A REFI-QDA project as far as Coflex writes and reads one (Project Exchange 1.5, namespace
 * urn:QDA-XML:project:1.0): users, a code tree, plain-text sources and their coded selections.
 * Positions are code points into the source's plain text (see ./positions).
 */

export const QDA_PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";
export const QDA_PROJECT_SCHEMA_LOCATION = "urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.5/Project.xsd";

export interface QdaUser {
  guid: string;
  name: string;
}

export interface QdaCode {
  guid: string;
  name: string;
  isCodable: boolean;
  /** #RRGGBB */
  color?: string;
  description?: string;
  children?: QdaCode[];
}

export interface QdaCoding {
  guid: string;
  codeGuid: string;
  creatingUser?: string;
  creationDateTime?: string;
}

export interface QdaSelection {
  guid: string;
  name?: string;
  /** Code points into the source's plain text; end is exclusive. */
  startPosition: number;
  endPosition: number;
  creatingUser?: string;
  creationDateTime?: string;
  description?: string;
  codings: QdaCoding[];
}

export interface QdaTextSource {
  guid: string;
  name: string;
  /** The plain text stored under sources/ (UTF-8, LF line ends). */
  text: string;
  creatingUser?: string;
  creationDateTime?: string;
  description?: string;
  selections: QdaSelection[];
}

export interface QdaProject {
  name: string;
  origin?: string;
  creatingUserGuid?: string;
  creationDateTime?: string;
  description?: string;
  users: QdaUser[];
  codes: QdaCode[];
  sources: QdaTextSource[];
}

/** What the reader gives back: the same content, flattened (codes know their parent, selections their source). */
export interface ReadCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  parentGuid: string | null;
}

export interface ReadSource {
  guid: string;
  name: string;
  plainTextPath?: string;
  text: string;
  creatingUser?: string;
  creationDateTime?: string;
  description?: string;
}

export interface ReadSelection extends Omit<QdaSelection, "codings"> {
  sourceGuid: string;
  codings: QdaCoding[];
}

export interface ReadProject {
  project: { name: string; origin?: string; creatingUserGuid?: string; creationDateTime?: string; description?: string };
  users: QdaUser[];
  codes: ReadCode[];
  sources: ReadSource[];
  selections: ReadSelection[];
}
