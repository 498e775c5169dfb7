import { type Locator, type Page, expect } from "@playwright/test";

/** The cohort codebook page (/cohorts/:id/codebook): every dimension's two poles, a save bar, the version history. */
export class SetupCodebookPage {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly saveButton: Locator;
  readonly saveState: Locator;
  readonly problems: Locator;
  readonly history: Locator;
  readonly rulesNote: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: /^Codebook — / });
    this.summary = page.locator(".codebook-summary");
    this.saveButton = page.getByRole("button", { name: /^Save as version \d+$/ });
    this.saveState = page.getByRole("region", { name: "Save the codebook" }).getByRole("status");
    this.problems = page.locator(".codebook-problems");
    this.rulesNote = page.locator(".codebook-fixed, .codebook-note");
    this.history = page.getByRole("complementary", { name: "Version history" }).getByRole("list");
  }

  /** From the home page's cohort list. */
  async openFromHome(cohort = "Demo cohort"): Promise<void> {
    await this.page.goto("/");
    await this.page.getByRole("listitem").filter({ hasText: cohort }).getByRole("link", { name: "Codebook" }).click();
    await expect(this.heading).toBeVisible();
  }

  /** An editable field of one pole, e.g. field("Definition", "Cognition", "inflexible"). */
  field(name: "Process" | "Definition" | "Example utterance", dimension: string, pole: "flexible" | "inflexible"): Locator {
    return this.page.getByLabel(new RegExp(`^${name} \\(${dimension}, ${pole}\\)`));
  }

  /** A pole as read-only text (older versions, or a reader who is not an instructor). */
  readOnlyPole(dimension: string, pole: "flexible" | "inflexible"): Locator {
    return this.page.getByRole("region", { name: dimension }).locator(`.codebook-pole-${pole}`);
  }

  async save(version: number): Promise<void> {
    await this.page.getByRole("button", { name: `Save as version ${version}` }).click();
  }
}
