import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildGroupReview } from "@/lib/domain/groupReview";
import { DEFAULT_HEADLINE, exerciseHeadline } from "@/lib/domain/headline";
import type { GroupReviewPayload } from "@/lib/review/groupReviewTypes";
import { GroupReview } from "./GroupReview";

/**
 * The group review for a class of 100 stays a small page (ARCHITECTURE: ≤ 300 KB of HTML at 100 coders):
 * the server-rendered HTML plus the props Next sends along with it (the RSC payload is their JSON).
 */
function classOf(coders: number, turns: number): { payload: GroupReviewPayload; people: Record<string, string> } {
  const ids = Array.from({ length: coders + 1 }, (_, i) => `coder-${String(i).padStart(3, "0")}-0123456789abcdef`);
  const units = Array.from({ length: turns }, (_, u) => `turn-${u}-0123456789abcdef`);
  const masks: Record<string, number[]> = {};
  ids.forEach((id, c) => {
    masks[id] = units.map((_, u) => (1 << ((c + u) % 12)) | (u % 3 === 0 ? 1 << ((c * 7 + u) % 12) : 0));
  });
  const review = buildGroupReview({ units, coders: ids, masks, keyCoderId: ids[0]!, withCoders: true });
  const text = "I keep telling myself I'll start once I feel ready, and then the evening is gone and I'm scrolling again. ".repeat(2);
  const payload: GroupReviewPayload = {
    exercise: { id: "exercise-1", title: "Thesis avoidance, week 4", mode: "blind", state: "revealed", transcriptId: "tx-1", coderNamesVisible: false },
    computedAt: new Date(0).toISOString(),
    headline: exerciseHeadline(DEFAULT_HEADLINE, { pooled: { n_coders: coders + 1, n_pairable_units: turns, krippendorff_alpha: 0.61, ci: { krippendorff_alpha: [0.5, 0.7] } } }),
    viewerHeadline: null,
    unitDefinition: `Units are the ${turns} client turns.`,
    cohort: review.cohort.map((id, i) => ({ id, name: `Trainee number ${i}` })),
    key: { id: ids[0]!, name: "Key Coder" },
    idle: 0,
    namesVisible: true,
    viewer: { id: "instructor", isStaff: true, isCoder: false, isKey: false, canSettle: true },
    turns: review.turns.map((d, u) => ({ ...d, index: 2 * u + 1, speaker: "Client", role: "client", text, before: { index: 2 * u, speaker: "Therapist", text: "What shows up for you when you sit down to write?" } })),
  };
  return { payload, people: Object.fromEntries(ids.map((id, i) => [id, `Trainee number ${i}`])) };
}

describe("group review page size", () => {
  it("stays under 300 KB of HTML and props for 100 coders on a 50-turn session", () => {
    const { payload, people } = classOf(100, 50);
    const props = { data: payload, people, pairwiseHref: "/exercises/exercise-1/review?view=pair" };
    const html = renderToString(createElement(GroupReview, props));
    const bytes = Buffer.byteLength(html) + Buffer.byteLength(JSON.stringify(props));
    expect(html).toContain("Thesis avoidance, week 4");
    expect(html).toMatch(/<strong>\d+<\/strong> of <!-- -->100/);
    console.info(`[group review] 100 coders × 50 turns: HTML ${Math.round(Buffer.byteLength(html) / 1024)} KB + props ${Math.round(Buffer.byteLength(JSON.stringify(props)) / 1024)} KB`);
    expect(bytes).toBeLessThan(300_000);
  });
});
