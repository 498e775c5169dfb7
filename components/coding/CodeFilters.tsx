"use client";

import { DIMENSIONS, type Dimension, type Polarity, dimensionAbbreviation, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import type { LayerRoomState } from "@/lib/collab/useLayerRooms";
import type { CodeFilter } from "./codeStore";
import { coderColour } from "./colours";

export interface LayerToggle {
  coderId: string;
  name: string;
  own: boolean;
  state: LayerRoomState | "own";
  count: number;
}

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

const STATE_TEXT: Record<LayerRoomState, string> = { connecting: "connecting…", online: "live", offline: "offline", denied: "not available" };

export function CodeFilters({ filter, onFilter, layers }: { filter: CodeFilter; onFilter: (f: CodeFilter) => void; layers: LayerToggle[] }) {
  const shown = layers.filter((l) => !filter.hiddenCoders.has(l.coderId)).length;
  return (
    <div className="code-filters" role="group" aria-label="Filter codes">
      <div className="filter-row" role="group" aria-label="Dimensions">
        {DIMENSIONS.map((d: Dimension) => (
          <button
            key={d}
            type="button"
            className="filter-dim"
            aria-pressed={filter.dimensions.has(d)}
            title={`${dimensionLabel(d)}: ${filter.dimensions.has(d) ? "shown" : "hidden"}`}
            style={{ ["--code-colour" as string]: dimensionColour(d) }}
            onClick={() => onFilter({ ...filter, dimensions: toggled(filter.dimensions, d) })}
          >
            <span className="swatch" aria-hidden="true" />
            {dimensionAbbreviation(d)}
          </button>
        ))}
      </div>
      <div className="filter-row">
        <span role="group" aria-label="Poles" className="filter-group">
          {(["flexible", "inflexible"] as const).map((p: Polarity) => (
            <button key={p} type="button" className={`filter-pole filter-${p}`} aria-pressed={filter.polarities.has(p)} onClick={() => onFilter({ ...filter, polarities: toggled(filter.polarities, p) })}>
              {p === "flexible" ? "F flexible" : "I inflexible"}
            </button>
          ))}
        </span>
        {layers.length > 1 && (
          <button
            type="button"
            className="filter-disagree"
            aria-pressed={filter.onlyDisagreements}
            disabled={shown < 2}
            title={shown < 2 ? "Show at least two coders to compare" : "Hide codes every shown coder gave the same turn"}
            onClick={() => onFilter({ ...filter, onlyDisagreements: !filter.onlyDisagreements })}
          >
            Only disagreements
          </button>
        )}
      </div>
      {layers.length > 0 && (
        <div className="filter-row" role="group" aria-label="Coders">
          {layers.map((l) => (
            <button
              key={l.coderId}
              type="button"
              className="filter-coder"
              aria-pressed={!filter.hiddenCoders.has(l.coderId)}
              style={{ ["--coder-colour" as string]: coderColour(l.coderId) }}
              onClick={() => onFilter({ ...filter, hiddenCoders: toggled(filter.hiddenCoders, l.coderId) })}
              data-testid={`layer-toggle-${l.own ? "own" : l.coderId}`}
            >
              <span className="ring" aria-hidden="true" />
              {l.own ? `${l.name} (you)` : l.name} · {l.count}
              {l.state !== "own" && l.state !== "online" && <span className="muted small"> · {STATE_TEXT[l.state]}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
