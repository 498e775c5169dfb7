"use client";

import { codeLabel } from "@/lib/domain/codebook";
import { CodePopover } from "./CodePopover";
import { useCodingSession } from "./CodingContext";
import type { CodingActions } from "./useCodingActions";

/** The coding form for whatever the coder asked to code or edit; nothing when no form is open. */
export function CodingPopoverHost({ actions }: { actions: CodingActions }) {
  const { codebook } = useCodingSession();
  const { popover } = actions;
  if (!popover) return null;
  const props =
    popover.kind === "new"
      ? {
          heading: `Code turn ${popover.target.turnIndex + 1} · ${popover.target.speaker}`,
          quote: popover.target.quote,
          scope: popover.target.whole ? "whole turn" : "selected text",
          initial: { dimension: popover.preset ?? undefined },
        }
      : {
          heading: `Edit ${codeLabel(popover.entry.code.dimension, popover.entry.code.polarity)} on turn ${popover.turnIndex + 1} · ${popover.speaker}`,
          quote: popover.entry.code.quote,
          scope: "same text",
          initial: {
            dimension: popover.entry.code.dimension,
            polarity: popover.entry.code.polarity,
            process: popover.entry.code.process ?? "",
            note: popover.entry.code.note ?? "",
          },
        };
  return (
    <CodePopover
      key={popover.kind === "edit" ? popover.entry.key : `${popover.target.turnId}:${popover.target.start}`}
      codebook={codebook}
      {...props}
      place={popover.place}
      onSave={actions.savePopover}
      onCancel={actions.closePopover}
      onDelete={popover.kind === "edit" ? () => actions.deleteEntry(popover.entry) : undefined}
    />
  );
}
