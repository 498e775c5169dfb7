import { type Locator, type Page, expect } from "@playwright/test";

export interface UploadPayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The import page (/transcripts/import): choose → preview → map speakers and confirm de-identification → import. */
export class ImportPage {
  readonly fileInput: Locator;
  readonly title: Locator;
  readonly reviewHeading: Locator;
  readonly identifiers: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.getByLabel(/^Transcript file/);
    this.title = page.getByLabel(/^Title/);
    this.reviewHeading = page.getByRole("heading", { name: /Check who is speaking/ });
    this.identifiers = page.getByRole("list", { name: "Possible identifiers" });
  }

  async open(): Promise<void> {
    await this.page.goto("/transcripts/import");
    await expect(this.page.getByRole("heading", { name: "Import a transcript" })).toBeVisible();
  }

  async choose(file: string | UploadPayload): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  async preview(): Promise<void> {
    await this.page.getByRole("button", { name: /^Preview/ }).click();
    await expect(this.reviewHeading).toBeVisible();
    await expect(this.reviewHeading).toBeFocused();
  }

  /** Waits until no preview refresh or upload is running. */
  async settled(): Promise<void> {
    await expect(this.page.locator(".import-progress")).toHaveCount(0);
  }

  role(speaker: string): Locator {
    return this.page.getByLabel(`Role of “${speaker}”`);
  }

  shownAs(speaker: string): Locator {
    return this.page.getByLabel(`Name shown for “${speaker}”`);
  }

  /** The "Replace" checkbox of the group holding these original spellings ("Maria Lopez, Maria"). */
  replace(originals: string): Locator {
    return this.page.getByRole("checkbox", { name: `Replace ${originals}`, exact: true });
  }

  pseudonym(originals: string): Locator {
    return this.page.getByLabel(`Pseudonym for ${originals}`, { exact: true });
  }

  async addMissedName(name: string): Promise<void> {
    await this.page.getByLabel(/^A name the detector missed/).fill(name);
    await this.page.getByRole("button", { name: "Find and replace" }).click();
    await this.settled();
  }

  async confirmAndImport(): Promise<void> {
    await this.page.getByRole("checkbox", { name: /I have checked the speakers/ }).check();
    await this.page.getByRole("button", { name: "Import", exact: true }).click();
    await this.page.waitForURL(/\/transcripts\/(?!import)[A-Za-z0-9_-]+$/);
  }
}
