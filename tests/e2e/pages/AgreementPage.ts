import { type Download, type Locator, type Page, expect } from "@playwright/test";

/** The agreement page (/exercises/:id/agreement): per-dimension bars, coder pairs, key, confusion, timeline. */
export class AgreementPage {
  readonly bars: Locator;
  readonly heatmap: Locator;
  readonly keyTable: Locator;
  readonly confusion: Locator;
  readonly timeline: Locator;
  readonly empty: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.bars = page.locator("table.agreement-bars");
    this.heatmap = page.getByTestId("pair-heatmap");
    this.keyTable = page.getByTestId("key-table");
    this.confusion = page.getByTestId("confusion-matrix");
    this.timeline = page.getByTestId("process-timeline");
    this.empty = page.getByTestId("agreement-empty");
    this.status = page.getByTestId("run-status");
  }

  async open(exerciseId: string): Promise<void> {
    await this.page.goto(`/exercises/${exerciseId}/agreement`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** The bar row of one variable: a dimension ("cognition"), a code ("self.inflexible") or "pooled". */
  row(variable: string): Locator {
    return this.bars.locator(`tr.bars-row[data-variable="${variable}"]`);
  }

  note(variable: string): Locator {
    return this.bars.locator(`tr.bars-note[data-note-for="${variable}"]`);
  }

  async chooseStatistic(label: RegExp): Promise<void> {
    await this.page.getByRole("group", { name: "Coefficient" }).getByRole("button", { name: label }).click();
  }

  async chooseBands(scheme: "Landis & Koch" | "Cicchetti" | "Krippendorff"): Promise<void> {
    await this.page.getByRole("combobox", { name: "Bands" }).selectOption({ label: scheme });
  }

  /** Opens "Export ▾" and downloads one file by its link's data-format. */
  async download(format: string): Promise<Download> {
    await this.page.getByText("Export ▾").click();
    const link = this.page.locator(`.export-panel a[data-format="${format}"]`);
    await expect(link).toBeVisible();
    const [download] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    return download;
  }
}
