import { type Locator, type Page, expect } from "@playwright/test";

/** The group review (/exercises/:id/review for staff with a class) and its projector mode. */
export class GroupReviewPage {
  readonly cards: Locator;
  readonly progress: Locator;
  readonly projector: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByTestId("group-turn");
    this.progress = page.getByTestId("group-progress");
    this.projector = page.getByRole("dialog", { name: "Projector mode" });
  }

  async open(exerciseId: string): Promise<void> {
    await this.page.goto(`/exercises/${exerciseId}/review`);
    await expect(this.page.getByRole("heading", { level: 1, name: /^Group review:/ })).toBeVisible();
    await expect(this.cards.first()).toBeVisible();
  }

  card(turnIndex: number): Locator {
    return this.cards.filter({ has: this.page.getByRole("heading", { name: new RegExp(`^Turn ${turnIndex + 1} ·`) }) });
  }

  /** The bar of one code ("COG·I") in a turn's distribution. */
  bar(card: Locator, code: string): Locator {
    return card.getByTestId("distribution").locator(`[data-code="${code}"]`);
  }

  /** Turn numbers (1-based) of the cards, top to bottom. */
  async turnOrder(): Promise<number[]> {
    const values = await this.cards.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-turn-index"))));
    return values.map((v) => v + 1);
  }

  async settle(turnIndex: number, rationale: string): Promise<void> {
    const card = this.card(turnIndex);
    await card.getByRole("button", { name: `Settle turn ${turnIndex + 1}…` }).click();
    await card.getByLabel(/Rationale/).fill(rationale);
    await card.getByRole("button", { name: new RegExp(`^Settle turn ${turnIndex + 1}`) }).click();
  }
}
