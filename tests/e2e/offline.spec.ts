import { expect, test } from "@playwright/test";
import { CodingPage } from "./pages/CodingPage";
import { Connectivity } from "./pages/connectivity";
import { expectFits } from "./pages/fits";
import { demoIds, signedInContext } from "./pages/tour";

const SHOTS = process.env.COFLEX_SHOTS;

test("offline, a new code is kept on this device and nothing says Saved until the server has it", async ({ browser }) => {
  // Offline, back online and a reconnect with backoff, then the clean-up: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const { context, page } = await signedInContext(browser, "supervisor");
  const connectivity = await Connectivity.control(context);
  const ids = await demoIds(page);
  const coding = new CodingPage(page);
  const notice = page.locator(".panel-notice");
  const announcer = page.getByTestId("announcer");
  try {
    await coding.open(ids.exerciseId);
    await connectivity.goOffline();
    await expect(coding.status).toHaveText("Offline — reconnecting…");

    await coding.selectText(1, "I'm useless at this");
    await coding.code("2", "i");
    await expect(coding.status).toHaveText("Offline · Kept on this device — will save when back online (1 change)");
    await expect(notice).toContainText("Added COG·I on turn 2. Kept on this device — will save when back online.");
    await expect(announcer).toContainText("Kept on this device");
    for (const words of [coding.status, notice, announcer]) await expect(words).not.toContainText("Saved");

    // The longest status still leaves the title, Submit, Export and ? on screen at 1280×720.
    await expectFits(page);
    await expect(page.getByRole("button", { name: "Submit…" })).toBeInViewport();
    await expect(page.getByRole("button", { name: "Keyboard shortcuts" })).toBeInViewport();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/supervisor-coding-offline-1280.png` });

    connectivity.goOnline();
    await expect(coding.status).toHaveText("Saved ✓", { timeout: 20_000 });
    await expect(notice).toHaveText("Saved COG·I on turn 2.");
    await expect(announcer).toHaveText("Saved COG·I on turn 2.");
  } finally {
    // Other specs expect the demo uncoded: delete the code again and wait for the server to have that.
    await page.getByRole("button", { name: /^Delete COG·I/ }).click();
    await expect(coding.rows()).toHaveCount(0);
    await expect(coding.status).toHaveText("Saved ✓");
    await context.close();
  }
});
