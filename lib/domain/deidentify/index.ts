/** The de-identification assistant: finds candidates with consistent pseudonyms; a person accepts them. */
export type { DeidTurn, FindIdentifiersOptions, IdentifierCandidate, IdentifierKind } from "./types";
export { STRUCTURED_KINDS } from "./types";
export { findIdentifiers } from "./findIdentifiers";
export { applyReplacements, type Replacement } from "./applyReplacements";
