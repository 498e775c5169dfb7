import { type Browser, type Page, expect, test } from "@playwright/test";
import { SignInPage } from "./pages/SignInPage";

/**
 * Issue 9, "one headline statistic everywhere": for one trainee and one exercise of the demo's term of
 * history, the agreement page, the progress page and the trainee's review (the group review's "me vs key")
 * show the same headline value — the cohort's statistic (Krippendorff's α by default), pooled, the trainee
 * against the key. Read from the pages as a person sees them, not from the API.
 */

const TRAINEE = { email: "trainee1@coflex.test", name: "Tara Nguyen" };
const EXERCISE = /^Week 4 — panic at the supermarket/;
/** The demo's runs are computed by the server a few seconds after its first start. */
const RUNS_ARRIVE = 120_000;

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await new SignInPage(page).signIn(email);
  return page;
}

/** The first decimal number of a printed value ("0.62", "−0.05"), as a number. */
function printed(text: string): number {
  const match = /[−-]?\d+\.\d+/.exec(text);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0].replace("−", "-"));
}

test("the agreement page, the progress page and the trainee's review show one headline value for a trainee and exercise", async ({ browser }) => {
  test.slow();
  const instructor = await signIn(browser, "instructor@coflex.test");
  const exercises = (await (await instructor.request.get("/api/exercises")).json()) as Array<{ id: string; title: string }>;
  const exercise = exercises.find((e) => EXERCISE.test(e.title));
  expect(exercise, "the demo history's week 4 exercise").toBeDefined();
  const detail = (await (await instructor.request.get(`/api/exercises/${exercise!.id}`)).json()) as { coders: Array<{ id: string; name: string }> };
  const traineeId = detail.coders.find((c) => c.name === TRAINEE.name)!.id;

  // The agreement page: the trainee's pooled value against the key (the class table, 13 coders).
  await expect
    .poll(async () => (await instructor.request.get(`/api/exercises/${exercise!.id}/agreement`)).status(), { timeout: RUNS_ARRIVE, intervals: [2_000] })
    .toBe(200);
  await instructor.goto(`/exercises/${exercise!.id}/agreement`);
  await expect(instructor.getByTestId("exercise-headline")).toContainText("Krippendorff's α with Krippendorff bands");
  const classTable = instructor.getByTestId("class-table");
  const keyTable = instructor.getByTestId("key-table");
  let cell;
  if ((await classTable.count()) > 0) {
    await instructor.getByLabel("Find a trainee").fill(TRAINEE.name);
    cell = classTable.locator(`tr[data-coder="${traineeId}"] td[data-variable="pooled"]`);
  } else {
    cell = keyTable.locator(`td[data-coder="${traineeId}"][data-variable="pooled"]`);
  }
  await expect(cell.locator(".key-value")).toHaveText(/\d/);
  const agreementText = (await cell.locator(".key-value").innerText()).trim();
  const agreementValue = printed(agreementText);

  // The progress page: the trainee's latest exercise is this one.
  const cohortHref = await (async () => {
    await instructor.goto("/");
    return instructor.locator('a[href^="/cohorts/"]').first().getAttribute("href");
  })();
  const cohortId = cohortHref!.split("/")[2]!;
  await instructor.goto(`/cohorts/${cohortId}/progress`);
  const latest = instructor.getByTestId("progress-table").locator(`tr[data-trainee="${TRAINEE.name}"] [data-col="latest"]`);
  await expect(latest).toHaveAttribute("data-position", "4");
  const progressStored = Number(await latest.getAttribute("data-value"));
  const progressText = (await latest.locator(".progress-value").innerText()).trim();

  // The trainee's own review ("me vs key", the group review's data for a trainee).
  const trainee = await signIn(browser, TRAINEE.email);
  await trainee.goto(`/exercises/${exercise!.id}/review`);
  const mine = trainee.getByTestId("me-headline");
  await expect(mine).toContainText("Krippendorff's α");
  const reviewText = (await mine.innerText()).split("Krippendorff's α")[1]!.trim();

  // The trainee's own progress page (their curve only): "Latest: α 0.94 …", the same number once more.
  await trainee.goto(`/cohorts/${cohortId}/progress`);
  const ownSummary = trainee.locator(`[data-testid="trainee-curves"][data-trainee="${TRAINEE.name}"] .progress-trainee-summary`);
  await expect(ownSummary).toContainText("Latest:");
  const ownText = (await ownSummary.locator("span", { hasText: "Latest:" }).locator("strong").innerText()).trim();

  console.log(JSON.stringify({ agreementText, progressText, reviewText: reviewText.split(" ")[0], ownText, progressStored }));
  // The printed values: the agreement page and the review print the same two-decimal text; the progress
  // page prints the same value (it may add a decimal where rounding would cross the criterion).
  expect(printed(reviewText)).toBe(agreementValue);
  expect(Math.abs(progressStored - agreementValue)).toBeLessThanOrEqual(0.005);
  expect(Math.abs(printed(progressText) - agreementValue)).toBeLessThanOrEqual(0.005);
  if (/^[−-]?\d+\.\d\d$/.test(progressText)) expect(printed(progressText)).toBe(agreementValue);
  expect(Math.abs(printed(ownText) - agreementValue)).toBeLessThanOrEqual(0.005);
  expect(printed(ownText)).toBe(printed(progressText));
  await instructor.context().close();
  await trainee.context().close();
});
