"use client";

import { Dialog } from "./Dialog";

export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ["J / K", "Next / previous turn"],
  ["← / →", "Move the caret within the current turn (Ctrl: by word; Home / End: to the turn's start / end)"],
  ["Shift + ← / →", "Select text in the turn from the keyboard (Shift + Ctrl: by word; Shift + Home / End: to the turn's ends); Esc clears it"],
  ["Select text", "Code just that span (inside one turn); with nothing selected a code covers the whole current turn"],
  ["1 – 6", "Code the selection or current turn: 1 emotion · 2 cognition · 3 attention · 4 self · 5 motivation · 6 overt behavior"],
  ["C", "Open the coding form without choosing a dimension"],
  ["F / I", "In the form: flexible / inflexible"],
  ["Enter", "In the form: save the code"],
  ["Esc", "Close the form or a dialog without saving"],
  ["R", "Mark the current turn reviewed (again: not reviewed)"],
  ["Shift + R", "Mark every turn up to here reviewed"],
  ["?", "Show this list"],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} wide>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Everything also works with the mouse: select text and use “Code…” in the panel, or click a code to jump to it.</p>
    </Dialog>
  );
}
