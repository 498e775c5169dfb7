import type { Polarity } from "@/lib/domain/codebook";
import { inkOn } from "../coding/colours";
import type { DimensionStyle } from "./agreementData";

/**
 * Shared pieces of the agreement charts. The pole is never told by colour alone (UX): flexible is a
 * solid fill, inflexible a hatched fill with an outline — the filled vs outlined chips of the coding
 * page — so every chart reads in greyscale and on a washed-out projector.
 */

export const hatchId = (dimension: string): string => `agreement-hatch-${dimension}`;

/** One hatch pattern per dimension colour; put once in every SVG that uses them. */
export function PoleDefs({ styles }: { styles: readonly DimensionStyle[] }) {
  const all = [...styles.map((s) => ({ dimension: s.dimension as string, colour: s.colour })), { dimension: "neutral", colour: "#57606a" }];
  return (
    <defs>
      {all.map((s) => (
        <pattern key={s.dimension} id={hatchId(s.dimension)} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="5" height="5" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="5" stroke={s.colour} strokeWidth="3" />
        </pattern>
      ))}
    </defs>
  );
}

/** A small legend swatch (HTML) for a pole of a dimension. */
export function PoleSwatch({ colour, polarity, dimension }: { colour: string; polarity: Polarity | "both"; dimension: string }) {
  return (
    <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" className="pole-swatch">
      {polarity === "flexible" && <rect x="1" y="1" width="16" height="12" fill={colour} stroke={colour} strokeWidth="1.5" />}
      {polarity === "inflexible" && <rect x="1" y="1" width="16" height="12" fill={`url(#${hatchId(dimension)})`} stroke={colour} strokeWidth="1.5" />}
      {polarity === "both" && (
        <>
          <rect x="1" y="1" width="16" height="6" fill={colour} />
          <rect x="1" y="7" width="16" height="6" fill={`url(#${hatchId(dimension)})`} />
          <rect x="1" y="1" width="16" height="12" fill="none" stroke={colour} strokeWidth="1.5" />
        </>
      )}
    </svg>
  );
}

/**
 * Sequential shades for bands and counts: one hue, luminance falling in even steps (relative luminance
 * ≈ .96, .69, .54, .38, .19, .03), so "darker = more agreement" survives greyscale printing, a washed-out
 * projector and colour-vision deficiency.
 */
const SEQUENTIAL = ["#f7fbff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08306b"];

/** The shade of band `index` of `count` bands (lowest band lightest, top band darkest). */
export function bandShade(index: number, count: number): { fill: string; ink: string } {
  const step = count <= 1 ? SEQUENTIAL.length - 1 : Math.round((index / (count - 1)) * (SEQUENTIAL.length - 1));
  const fill = SEQUENTIAL[Math.max(0, Math.min(SEQUENTIAL.length - 1, step))]!;
  return { fill, ink: inkOn(fill) };
}

/** The shade of a count as a share of the largest count (0 → white). */
export function countShade(count: number, max: number): { fill: string; ink: string } {
  if (count <= 0 || max <= 0) return { fill: "#ffffff", ink: "#000000" };
  const step = Math.max(1, Math.round((count / max) * (SEQUENTIAL.length - 1)));
  const fill = SEQUENTIAL[Math.min(SEQUENTIAL.length - 1, step)]!;
  return { fill, ink: inkOn(fill) };
}
