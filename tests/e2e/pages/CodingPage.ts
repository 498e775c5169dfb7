import { type Locator, type Page, expect } from "@playwright/test";

/** The coding page (/exercises/:id): transcript on the left, codes panel on the right. */
export class CodingPage {
  readonly status: Locator;
  readonly codeList: Locator;
  readonly popover: Locator;
  readonly exerciseState: Locator;
  /** Every collaboration room this page opened a socket to (read from the WebSocket URLs). */
  readonly roomsOpened: string[] = [];

  constructor(readonly page: Page) {
    this.status = page.getByTestId("save-status");
    this.codeList = page.getByTestId("code-list");
    this.popover = page.getByTestId("code-popover");
    this.exerciseState = page.getByTestId("exercise-state");
    page.on("websocket", (ws) => {
      const room = decodeURIComponent(new URL(ws.url()).pathname.replace(/^\/collab\//, ""));
      this.roomsOpened.push(room);
    });
  }

  async open(exerciseId: string): Promise<void> {
    await this.page.goto(`/exercises/${exerciseId}`);
    await this.waitUntilLoaded();
  }

  /** From the home page, by the exercise's title. */
  async openFromHome(title: RegExp): Promise<void> {
    await this.page.goto("/");
    await this.page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Open coding page →" }).click();
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await expect(this.page.locator(".turn").nth(3)).toBeVisible();
    await expect(this.status).toHaveText(/Saved|Watching|read only/);
  }

  turn(index: number): Locator {
    return this.page.locator(".turn").nth(index);
  }

  /** The current turn (J/K). */
  currentTurn(): Locator {
    return this.page.locator(".turn.turn-current");
  }

  /** Selects `text` inside turn `index` the way a mouse drag would (a DOM selection the editor reads). */
  async selectText(index: number, text: string): Promise<void> {
    await this.page.evaluate(
      ([turnIndex, wanted]) => {
        const element = document.querySelectorAll(".turn .turn-text")[turnIndex as number];
        if (!element) throw new Error(`no turn ${turnIndex}`);
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const data = (node as Text).data;
          const at = data.indexOf(wanted as string);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + (wanted as string).length);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return;
        }
        throw new Error(`"${wanted}" is not in turn ${turnIndex}`);
      },
      [index, text] as const,
    );
  }

  /** J / K until turn `index` (0-based) is the current turn. */
  async goToTurn(index: number): Promise<void> {
    const current = await this.page.evaluate(() => [...document.querySelectorAll(".turn")].findIndex((t) => t.classList.contains("turn-current")));
    const key = index >= current ? "j" : "k";
    for (let i = 0; i < Math.abs(index - Math.max(0, current)); i++) await this.page.keyboard.press(key);
    await expect(this.turn(index)).toHaveClass(/turn-current/);
  }

  /** Codes the selection (or the current turn) from the keyboard: 1–6, F/I, Enter. */
  async code(dimensionKey: "1" | "2" | "3" | "4" | "5" | "6", pole: "f" | "i", note?: string): Promise<void> {
    await this.page.keyboard.press(dimensionKey);
    await expect(this.popover).toBeVisible();
    await this.page.keyboard.press(pole);
    if (note) {
      await this.popover.getByLabel("Note (optional)").fill(note);
    }
    await this.page.keyboard.press("Enter");
    await expect(this.popover).toBeHidden();
  }

  chips(label: string): Locator {
    return this.page.locator(".code-chips .chip").filter({ hasText: label });
  }

  rows(): Locator {
    return this.codeList.locator(".code-row");
  }

  async reveal(): Promise<void> {
    await this.page.getByRole("button", { name: "Reveal…" }).click();
    await this.page.getByRole("button", { name: "Reveal now" }).click();
    await expect(this.exerciseState).toContainText("Revealed");
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: "Submit…" }).click();
    await this.page.getByRole("button", { name: "Submit my codes" }).click();
    await expect(this.exerciseState).toContainText(/Submitted|Revealed/);
  }
}
