import { type Locator, type Page, expect } from "@playwright/test";

/** The exercise set-up form (/exercises/new). */
export class SetupExercisePage {
  readonly heading: Locator;
  readonly title: Locator;
  readonly keyCoder: Locator;
  readonly createButton: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "New coding exercise" });
    this.title = page.getByLabel("Title", { exact: true });
    this.keyCoder = page.getByLabel(/^Key coder/);
    this.createButton = page.getByRole("button", { name: "Create exercise" });
    this.problems = page.locator(".setup-problems");
  }

  /** From an open transcript page, with its "New exercise" button. */
  async openFromTranscript(): Promise<void> {
    await expect(this.page).toHaveURL(/\/transcripts\//);
    await this.page.getByRole("link", { name: "New exercise" }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.page).toHaveURL(/\/exercises\/new\?transcriptId=/);
  }

  async chooseMode(mode: "Blind" | "Open"): Promise<void> {
    await this.page.getByRole("radio", { name: new RegExp(`^${mode} — `) }).check();
  }

  async chooseReveal(rule: "When all coders have submitted" | "When an instructor or supervisor releases it"): Promise<void> {
    await this.page.getByRole("radio", { name: rule }).check();
  }

  coder(name: string): Locator {
    return this.page.getByRole("group", { name: /^Coders/ }).getByRole("checkbox", { name: new RegExp(name) });
  }

  /** Creates the exercise and waits for its coding page; returns the new exercise's id. */
  async create(): Promise<string> {
    await this.createButton.click();
    await this.page.waitForURL(/\/exercises\/(?!new)[A-Za-z0-9_-]+$/);
    const id = new URL(this.page.url()).pathname.split("/").pop();
    if (!id) throw new Error("no exercise id in the URL");
    return id;
  }
}
