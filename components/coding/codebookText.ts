import type { Codebook, CodebookEntry, CodebookPole, Dimension, Polarity } from "@/lib/domain/codebook";

export function entryOf(codebook: Codebook, dimension: Dimension): CodebookEntry | null {
  return codebook.entries.find((e) => e.dimension === dimension) ?? null;
}

export function poleOf(codebook: Codebook, dimension: Dimension, polarity: Polarity): CodebookPole | null {
  const entry = entryOf(codebook, dimension);
  return entry ? entry[polarity] : null;
}

/** The process a code names: its tag's label if it has one, else the pole's default process. */
export function processLabel(codebook: Codebook, code: { dimension: Dimension; polarity: Polarity; process?: string }): string {
  const pole = poleOf(codebook, code.dimension, code.polarity);
  if (code.process) return pole?.tags.find((t) => t.id === code.process)?.label ?? code.process;
  return pole?.process ?? "";
}
