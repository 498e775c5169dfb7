import { type Dimension, type Polarity, codeLabel, dimensionColour } from "@/lib/domain/codebook";
import { inkOn } from "../coding/colours";

/** A code as everywhere else: dimension colour, filled when flexible, outlined when inflexible (never colour alone: the label says F/I). */
export function CodeChip({ dimension, polarity, className }: { dimension: Dimension; polarity: Polarity; className?: string }) {
  const colour = dimensionColour(dimension);
  return (
    <span
      className={`chip chip-${polarity}${className ? ` ${className}` : ""}`}
      style={{ ["--code-colour" as string]: colour, ["--chip-ink" as string]: polarity === "flexible" ? inkOn(colour) : "var(--ink)", cursor: "default" }}
    >
      {codeLabel(dimension, polarity)}
    </span>
  );
}
