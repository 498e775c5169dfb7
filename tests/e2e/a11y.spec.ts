import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { CodingPage } from "./pages/CodingPage";
import { Connectivity } from "./pages/connectivity";
import { type Role, demoIds, signedInContext, stopsFor } from "./pages/tour";

/** WCAG 2.2 A and AA, as axe-core checks them; a page fails on any serious or critical violation. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect(blocking).toEqual([]);
}

for (const role of ["instructor", "supervisor", "trainee"] as const satisfies readonly Role[]) {
  test(`axe finds nothing serious on any page the ${role} can open`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page } = await signedInContext(browser, role);
    const ids = await demoIds(page);
    for (const stop of stopsFor(role, ids)) {
      await page.goto(stop.path);
      await stop.ready(page);
      await expectAccessible(page, `${role} ${stop.name}`);
    }
    // The error pages: an unknown id, and (for non-instructors) a page of their cohort they may not open.
    await page.goto("/exercises/not-an-exercise");
    await expect(page.locator(".error-page")).toBeVisible();
    await expectAccessible(page, `${role} not-found`);
    if (role !== "instructor") {
      await page.goto(`/cohorts/${ids.cohortId}/audit`);
      await expect(page.getByRole("heading", { name: "This page is for the cohort's instructors" })).toBeVisible();
      await expectAccessible(page, `${role} forbidden`);
    }
    await context.close();
  });
}

test("axe finds nothing serious on the coding page in blind mode, with a code, and offline", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await signedInContext(browser, "supervisor");
  const connectivity = await Connectivity.control(context);
  const ids = await demoIds(page);
  const coders = (await (await page.request.get(`/api/exercises/${ids.exerciseId}`)).json()) as { coders: Array<{ id: string }> };
  const created = await page.request.post("/api/exercises", {
    data: { transcriptId: ids.transcriptId, title: `Blind a11y ${Date.now()}`, mode: "blind", coderIds: coders.coders.map((c) => c.id) },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  try {
    const coding = new CodingPage(page);
    await coding.open(id);
    await expectAccessible(page, "blind coding");

    await coding.selectText(1, "I'm useless at this");
    await coding.code("2", "i");
    await expect(coding.rows()).toHaveCount(1);
    await expect(coding.status).toHaveText("Saved ✓");
    await expectAccessible(page, "blind coding with a code");

    await connectivity.goOffline();
    await expect(coding.status).toContainText("Offline");
    await expectAccessible(page, "coding offline");
    connectivity.goOnline();
  } finally {
    // A blind exercise still coding locks the demo transcript for the specs that follow: end it either way.
    connectivity.goOnline();
    expect((await page.request.post(`/api/exercises/${id}/reveal`)).status()).toBe(200);
    await context.close();
  }
});
