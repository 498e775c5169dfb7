import { test } from "@playwright/test";
import { expectFits } from "./pages/fits";
import { type Role, VIEWPORTS, demoIds, signedInContext, stopsFor } from "./pages/tour";

/** Set COFLEX_SHOTS=/tmp/shots to keep a screenshot of every page at every size for a person to look at. */
const SHOTS = process.env.COFLEX_SHOTS;

for (const role of ["instructor", "supervisor", "trainee"] as const satisfies readonly Role[]) {
  test(`every page fits at 1280×720, 1366×768 and 1920×1080 for the ${role}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page } = await signedInContext(browser, role);
    const ids = await demoIds(page);
    for (const stop of stopsFor(role, ids)) {
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await page.goto(stop.path);
        await stop.ready(page);
        await expectFits(page);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/${role}-${stop.name}-${viewport.width}.png` });
      }
    }
    await context.close();
  });
}
