import { type Locator, type Page, expect } from "@playwright/test";

/** The consensus review (/exercises/:id/review). */
export class CodingReviewPage {
  readonly progress: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.progress = page.getByTestId("review-progress");
    this.cards = page.getByTestId("disagreement");
  }

  async open(exerciseId: string): Promise<void> {
    await this.page.goto(`/exercises/${exerciseId}/review`);
    await expect(this.cards.first()).toBeVisible();
  }

  card(turnIndex: number): Locator {
    return this.cards.filter({ has: this.page.getByRole("heading", { name: new RegExp(`^Turn ${turnIndex + 1} ·`) }) });
  }

  async settle(turnIndex: number, decision: "Accept A" | "Accept B" | "Both" | "Neither", rationale: string): Promise<void> {
    const card = this.card(turnIndex);
    await card.getByLabel(decision, { exact: true }).check();
    await card.getByLabel(/Rationale/).fill(rationale);
    await card.getByRole("button", { name: /Settle turn/ }).click();
    await expect(card.getByTestId("settled")).toBeVisible();
  }
}
