import { expect, test } from "@playwright/test";
import { CodingPage } from "./pages/CodingPage";
import { demoIds, signedInContext } from "./pages/tour";

test("a keyboard-only coder selects a span with Shift+Ctrl+arrows and codes it without the mouse", async ({ browser }) => {
  const { context, page } = await signedInContext(browser, "supervisor");
  const ids = await demoIds(page);
  const coding = new CodingPage(page);
  try {
    await coding.open(ids.exerciseId);
    await page.locator(".transcript .ProseMirror").focus();
    await coding.goToTurn(1);
    // Caret to the end of the turn, seven words back to "I'm", then four words selected.
    await page.keyboard.press("End");
    await expect(page.locator(".kb-caret")).toHaveCount(1);
    for (let i = 0; i < 7; i++) await page.keyboard.press("Control+ArrowLeft");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Control+Shift+ArrowRight");
    // Shift+arrow by character: one more (the comma), then back again.
    await page.keyboard.press("Shift+ArrowRight");
    await expect(page.locator(".kb-selection")).toHaveText("I'm useless at this,");
    await page.keyboard.press("Shift+ArrowLeft");
    await expect(page.locator(".kb-selection")).toHaveText("I'm useless at this");

    await page.keyboard.press("2");
    await expect(coding.popover).toContainText("selected text");
    await expect(coding.popover).toContainText("I'm useless at this");
    await page.keyboard.press("i");
    await page.keyboard.press("Enter");
    await expect(coding.popover).toBeHidden();
    await expect(coding.rows()).toHaveCount(1);
    await expect(coding.rows().first()).toContainText("“I'm useless at this”");
    await expect(coding.status).toHaveText("Saved ✓");

    // The "?" dialog lists the keys.
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Shift + ← / →");
    await page.keyboard.press("Escape");
  } finally {
    // Other specs expect the demo uncoded.
    const remove = page.getByRole("button", { name: /^Delete COG·I/ });
    if ((await remove.count()) > 0) await remove.first().click();
    await expect(coding.rows()).toHaveCount(0);
    await expect(coding.status).toHaveText("Saved ✓");
    await context.close();
  }
});
