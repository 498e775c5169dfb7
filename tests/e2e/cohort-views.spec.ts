import { mkdirSync } from "node:fs";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { LARGE_CLASS } from "./seedWorlds";
import { SignInPage } from "./pages/SignInPage";

/**
 * Views sized for a class (issue 8 item 4) and one headline statistic (issue 9 item 4), on the class of 100
 * trainees with stored runs that tests/e2e/seedWorlds.ts writes before the server starts.
 */

const SHOTS = process.env.COFLEX_SHOTS;
const MAX_BYTES = 300 * 1024;

async function signIn(browser: Browser, email: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(email);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/class-${name}.png` });
}

async function classPaths(page: Page): Promise<{ agreement: string; progress: string; cohortId: string }> {
  const list = (await (await page.request.get("/api/exercises")).json()) as Array<{ id: string; title: string }>;
  const latest = list.filter((e) => e.title.startsWith("Week 4"));
  expect(latest).toHaveLength(1);
  await page.goto("/");
  const href = await page.locator('a[href^="/cohorts/"]').first().getAttribute("href");
  const cohortId = href!.split("/")[2]!;
  return { agreement: `/exercises/${latest[0]!.id}/agreement`, progress: `/cohorts/${cohortId}/progress`, cohortId };
}

test.describe.serial("a class of 100 coders", () => {
  test("the agreement and progress pages stay under 300 KB and show the same headline value for a trainee", async ({ browser }) => {
    test.slow();
    const page = await signIn(browser, LARGE_CLASS.instructorEmail);
    const paths = await classPaths(page);
    for (const path of [paths.agreement, paths.progress]) {
      const started = Date.now();
      const res = await page.request.get(path);
      const bytes = (await res.body()).byteLength;
      console.log(JSON.stringify({ page: path.split("/")[1] + "/" + path.split("/")[3], bytes, ms: Date.now() - started }));
      expect(res.status()).toBe(200);
      expect(bytes).toBeLessThan(MAX_BYTES);
    }

    await page.goto(paths.agreement);
    await expect(page.getByTestId("exercise-headline")).toContainText("Headline (Krippendorff's α with Krippendorff bands)");
    const table = page.getByTestId("class-table");
    // The lowest and highest eight by name, and the rest one search away.
    await expect(table.locator("tbody tr[data-coder]")).toHaveCount(16);
    const firstRow = table.locator("tbody tr[data-coder]").first();
    const name = (await firstRow.locator("th").textContent())!;
    const traineeId = (await firstRow.getAttribute("data-coder"))!;
    const agreementValue = Number(await firstRow.locator('td[data-variable="pooled"]').getAttribute("data-value"));
    const agreementText = (await firstRow.locator('td[data-variable="pooled"] .key-value').textContent())!;
    await shoot(page, "agreement-1280");

    await page.getByLabel("Find a trainee").fill(name);
    await expect(table.locator("tbody tr[data-coder]")).toHaveCount(1);
    await page.getByRole("button", { name: `Details for ${name}` }).click();
    const detail = page.getByTestId("coder-detail");
    await expect(detail).toContainText("Against the key, with 95% bootstrap intervals");
    // The pair with the key loads on demand: its confusion and timeline.
    await expect(page.getByTestId("confusion-matrix")).toBeVisible();
    await expect(page.getByTestId("process-timeline")).toBeVisible();
    await shoot(page, "agreement-detail-1280");
    // After a new run the class page reloads its model through the API: every coder, named as on the page.
    const classDetail = await page.request.get(`/api/exercises/${paths.agreement.split("/")[2]}/agreement/detail?class=1`);
    expect(classDetail.status()).toBe(200);
    const model = ((await classDetail.json()) as { kind: string; cohort: { coders: Array<{ id: string; name: string }>; pairCount: number } }).cohort;
    const coders = LARGE_CLASS.trainees + 1; // the trainees and the instructor's key
    expect(model.coders).toHaveLength(coders);
    expect(model.coders.find((c) => c.id === traineeId)?.name).toBe(name);
    expect(model.pairCount).toBe((coders * (coders - 1)) / 2);

    await page.goto(paths.progress);
    const row = page.getByTestId("progress-table").locator(`tr[data-trainee="${name}"]`);
    await expect(row.locator('[data-col="latest"]')).toHaveAttribute("data-position", "4");
    const progressValue = Number(await row.locator('[data-col="latest"]').getAttribute("data-value"));
    // The class view sends values rounded to 4 decimals; the progress table the stored double.
    expect(progressValue).toBeCloseTo(agreementValue, 4);
    await expect(row.locator('[data-col="latest"] .progress-value')).toHaveText(new RegExp(`^${agreementText.slice(0, 4).replace(/[.]/g, "\\.")}`));
    await expect(row.locator('[data-col="latest"]')).toContainText("— Krippendorff");
    await shoot(page, "progress-1280");
    await page.locator("#trainee-detail select").selectOption({ label: name });
    await expect(page.locator(`[data-testid="trainee-curves"][data-trainee="${name}"]`)).toBeVisible();
    await shoot(page, "progress-detail-1280");
    expect(traineeId).not.toBe("");
    await page.context().close();
  });

  test("at 1920×1080 the class views read the same", async ({ browser }) => {
    const page = await signIn(browser, LARGE_CLASS.instructorEmail, { width: 1920, height: 1080 });
    const paths = await classPaths(page);
    await page.goto(paths.agreement);
    await expect(page.getByTestId("class-distribution")).toBeVisible();
    await shoot(page, "agreement-1920");
    await page.goto(paths.progress);
    await expect(page.getByTestId("progress-table")).toBeVisible();
    await shoot(page, "progress-1920");
    await page.context().close();
  });

  test("only the cohort's instructors change the headline statistic, and the pages follow it", async ({ browser }) => {
    const instructor = await signIn(browser, LARGE_CLASS.instructorEmail);
    const paths = await classPaths(instructor);
    const trainee = await signIn(browser, `class-${LARGE_CLASS.tag}-1@coflex.test`);
    const put = (page: Page, data: unknown) => page.request.put(`/api/cohorts/${paths.cohortId}/headline`, { data, headers: { origin: new URL(page.url()).origin } });
    expect((await put(trainee, { statistic: "kappa", bands: "landis-koch" })).status()).toBe(403);
    expect((await put(instructor, { statistic: "phi", bands: "landis-koch" })).status()).toBe(400);
    expect((await put(instructor, { statistic: "kappa", bands: "landis-koch" })).status()).toBe(200);
    await instructor.goto(paths.agreement);
    await expect(instructor.getByTestId("exercise-headline")).toContainText("Headline (κ (Cohen / Fleiss) with Landis & Koch bands)");
    await instructor.goto(paths.progress);
    await expect(instructor.getByTestId("progress-table").locator("thead")).toContainText("Latest pooled κ");
    await expect(instructor.getByTestId("statistic-note")).toHaveCount(0);
    // Back to the default, through the form on the cohort page.
    await instructor.goto(`/cohorts/${paths.cohortId}`);
    await instructor.getByLabel("Headline statistic").selectOption("alpha");
    await instructor.getByLabel("Interpretation bands").selectOption("krippendorff");
    await instructor.getByRole("button", { name: "Save headline statistic" }).click();
    await expect(instructor.getByRole("status").filter({ hasText: "Saved" })).toContainText("Krippendorff's α with Krippendorff bands");
    await instructor.context().close();
    await trainee.context().close();
  });
});
