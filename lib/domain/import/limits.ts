/**
 * Upper bounds for one import. They keep a hostile or mistaken upload from tying up the server, and they
 * sit well above a real session: an hour of talk is ~10,000 words, ~60 KB of text and a few hundred turns.
 */
export interface ImportLimits {
  /** Size of the uploaded file in bytes. */
  maxFileBytes: number;
  /** Turns after merging consecutive cues of one speaker. */
  maxTurns: number;
  /** Characters on one line of text (a line this long is usually not a transcript). */
  maxLineChars: number;
  /** Characters in one turn after merging. */
  maxTurnChars: number;
  /** Sum of the uncompressed sizes a .docx declares for its parts (zip-bomb guard). */
  maxDocxUncompressedBytes: number;
  /** Parts inside a .docx. A Word file has a few dozen. */
  maxDocxEntries: number;
  /** Largest uncompressed/compressed ratio accepted for a part above 1 MB; XML compresses ~5–30×. */
  maxDocxRatio: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 5 * 1024 * 1024,
  maxTurns: 5000,
  maxLineChars: 20_000,
  maxTurnChars: 50_000,
  maxDocxUncompressedBytes: 50 * 1024 * 1024,
  maxDocxEntries: 1000,
  maxDocxRatio: 200,
});

export function resolveLimits(overrides?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

/** "5 MB", "1.5 MB", "900 KB": sizes in the words a user reads in a file dialog. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimNumber(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trimNumber(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

function trimNumber(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
