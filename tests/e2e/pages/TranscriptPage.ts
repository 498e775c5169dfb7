import { type Locator, type Page, expect } from "@playwright/test";

export class TranscriptPage {
  readonly editor: Locator;
  readonly status: Locator;
  readonly presence: Locator;

  constructor(readonly page: Page) {
    this.editor = page.locator(".transcript .ProseMirror");
    this.status = page.getByTestId("save-status");
    this.presence = page.getByTestId("presence");
  }

  async openFromHome(title: RegExp): Promise<void> {
    await this.page.getByRole("link", { name: title }).click();
    await expect(this.page.locator(".turn").first()).toBeVisible();
  }

  turnText(index: number): Locator {
    return this.page.locator(".turn .turn-text").nth(index);
  }

  /** Puts the caret at the end of a turn's text and types there. */
  async typeAtEndOfTurn(index: number, text: string): Promise<void> {
    const turn = this.turnText(index);
    await turn.click();
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(text);
  }
}
