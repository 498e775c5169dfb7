// Dark enough for white caret labels (WCAG AA on 12px bold); derived from the user id so everyone sees the same colour.
const PALETTE = ["#0b5cad", "#a3367f", "#1d7044", "#9a4a00", "#5b3fa8", "#0e6e7a", "#b0302b", "#4a5a12"];

export function userColour(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? "#0b5cad";
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase();
}
