import { type APIRequestContext, type Browser, type BrowserContext, expect, test } from "@playwright/test";
import { CodingPage } from "./pages/CodingPage";
import { CodingReviewPage } from "./pages/CodingReviewPage";
import { SignInPage } from "./pages/SignInPage";

const OPEN_EXERCISE = /Open co-coding: thesis avoidance/;
/** Set COFLEX_SHOTS=/tmp/shots to keep screenshots of the pages for a person to look at. */
const SHOTS = process.env.COFLEX_SHOTS;

async function shoot(page: CodingPage["page"], name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; coding: CodingPage }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn(email);
  return { context, coding: new CodingPage(page) };
}

interface ApiExercise {
  id: string;
  title: string;
  transcriptId: string;
  coders: Array<{ id: string; name: string }>;
}

async function demoExercise(request: APIRequestContext): Promise<ApiExercise> {
  const list = (await (await request.get("/api/exercises")).json()) as ApiExercise[];
  const demo = list.find((e) => OPEN_EXERCISE.test(e.title));
  if (!demo) throw new Error("the demo exercise is missing");
  return (await (await request.get(`/api/exercises/${demo.id}`)).json()) as ApiExercise;
}

async function userId(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id?: string } };
  if (!session.user?.id) throw new Error("not signed in");
  return session.user.id;
}

test("in the open demo exercise a span the supervisor codes appears for the trainee within a second", async ({ browser }) => {
  const supervisor = await signedIn(browser, "supervisor@coflex.test");
  const trainee = await signedIn(browser, "trainee1@coflex.test");
  await supervisor.coding.openFromHome(OPEN_EXERCISE);
  await trainee.coding.openFromHome(OPEN_EXERCISE);
  await expect(trainee.coding.codeList).toContainText("No codes yet");

  await supervisor.coding.selectText(1, "I'm useless at this");
  await supervisor.coding.code("2", "i", "global self-evaluation");
  await expect(supervisor.coding.status).toHaveText("Saved ✓");

  // Within a second of the save, the trainee has the underline, the chip and the panel row.
  await expect(trainee.coding.chips("COG·I")).toBeVisible({ timeout: 1_000 });
  await expect(trainee.coding.page.locator(".turn").nth(1).locator(".code-span.code-inflexible")).toHaveText("I'm useless at this");
  await expect(trainee.coding.rows().first()).toContainText("I'm useless at this");
  await expect(trainee.coding.rows().first()).toContainText("global self-evaluation");
  await shoot(supervisor.coding.page, "coding-open-supervisor");
  await shoot(trainee.coding.page, "coding-open-trainee");

  // The trainee cannot edit the supervisor's code.
  await expect(trainee.coding.rows().first().getByRole("button", { name: /Edit/ })).toHaveCount(0);

  // Whole-turn coding and reviewed marks from the keyboard.
  await trainee.coding.goToTurn(3);
  await trainee.coding.code("1", "i");
  await expect(trainee.coding.chips("EMO·I")).toBeVisible();
  await trainee.coding.page.keyboard.press("Shift+R");
  // Turns 0–3 hold two client turns: progress counts the units of agreement (client turns).
  await expect(trainee.coding.page.getByTestId("reviewed-progress")).toHaveText(/^\s*2 of \d+ client turns reviewed\s*$/);
  await expect(supervisor.coding.chips("EMO·I")).toBeVisible({ timeout: 1_000 });

  // The specs that follow expect the demo uncoded: each coder deletes their own code again.
  await supervisor.coding.page.getByRole("button", { name: /^Delete COG·I/ }).click();
  await trainee.coding.page.getByRole("button", { name: /^Delete EMO·I/ }).click();
  await expect(supervisor.coding.rows()).toHaveCount(0);
  await expect(trainee.coding.rows()).toHaveCount(0);
  await expect(supervisor.coding.status).toHaveText("Saved ✓");
  await expect(trainee.coding.status).toHaveText("Saved ✓");

  await supervisor.context.close();
  await trainee.context.close();
});

test.describe.serial("blind exercise: reveal, then consensus", () => {
  let supervisor: Awaited<ReturnType<typeof signedIn>>;
  let trainee: Awaited<ReturnType<typeof signedIn>>;
  let exerciseId = "";
  let traineeId = "";

  test.beforeAll(async ({ browser }) => {
    supervisor = await signedIn(browser, "supervisor@coflex.test");
    trainee = await signedIn(browser, "trainee1@coflex.test");
    const request = supervisor.coding.page.request;
    const demo = await demoExercise(request);
    traineeId = await userId(trainee.coding.page.request);
    const created = await request.post("/api/exercises", {
      data: { transcriptId: demo.transcriptId, title: `Blind e2e ${Date.now()}`, mode: "blind", coderIds: demo.coders.map((c) => c.id), revealRule: "instructor" },
    });
    expect(created.status()).toBe(201);
    exerciseId = ((await created.json()) as { id: string }).id;
  });

  test.afterAll(async () => {
    // A blind exercise still coding would lock the demo transcript for the other specs: end it either way.
    if (exerciseId) await supervisor?.coding.page.request.post(`/api/exercises/${exerciseId}/reveal`);
    await supervisor?.context.close();
    await trainee?.context.close();
  });

  test("the trainee sees nothing of the supervisor's codes until the reveal, then both layers", async () => {
    await supervisor.coding.open(exerciseId);
    await trainee.coding.open(exerciseId);
    await expect(trainee.coding.page.getByText("Blind exercise: you see only your own codes")).toBeVisible();

    await supervisor.coding.goToTurn(1);
    await supervisor.coding.code("2", "i");
    await expect(supervisor.coding.status).toHaveText("Saved ✓");
    await trainee.coding.goToTurn(1);
    await trainee.coding.code("1", "i");
    await expect(trainee.coding.status).toHaveText("Saved ✓");

    // Nothing of the supervisor's reaches the trainee — and the page never even asks for that room.
    await trainee.coding.page.waitForTimeout(500);
    await expect(trainee.coding.chips("COG·I")).toHaveCount(0);
    await expect(trainee.coding.rows()).toHaveCount(1);
    const layersAsked = new Set(trainee.coding.roomsOpened.filter((room) => room.startsWith(`layer:${exerciseId}:`)));
    expect([...layersAsked]).toEqual([`layer:${exerciseId}:${traineeId}`]);
    await expect(supervisor.coding.chips("EMO·I")).toHaveCount(0);
    await shoot(trainee.coding.page, "coding-blind-trainee");

    await supervisor.coding.reveal();
    // The server pushes the reveal on the exercise's watch room: the trainee's page shows it within a
    // second, without a reload (issue 8; no poll).
    await expect(trainee.coding.exerciseState).toContainText("Revealed", { timeout: 1_000 });
    await expect(trainee.coding.chips("COG·I")).toBeVisible({ timeout: 20_000 });
    await expect(trainee.coding.chips("EMO·I")).toBeVisible();
    await expect(trainee.coding.exerciseState).toContainText("Revealed");
    await expect(trainee.coding.status).toContainText("read only");
    await expect(supervisor.coding.chips("EMO·I")).toBeVisible({ timeout: 20_000 });
    await shoot(trainee.coding.page, "coding-revealed-trainee");
  });

  test("the consensus review settles a disagreement with a rationale, and everyone sees it", async () => {
    await supervisor.coding.page.getByRole("link", { name: "Review disagreements" }).click();
    const review = new CodingReviewPage(supervisor.coding.page);
    await expect(review.cards.first()).toBeVisible();
    await expect(review.progress).toHaveText("0 of 1 disagreements settled");
    await expect(review.card(1)).toContainText("only A");
    await expect(review.card(1)).toContainText("only B");

    // The rationale is required.
    await review.card(1).getByLabel("Accept A", { exact: true }).check();
    await review.card(1).getByRole("button", { name: /Settle turn/ }).click();
    await expect(review.card(1).getByRole("alert")).toContainText("rationale");

    await review.settle(1, "Accept A", "Reason-giving keeps the avoidance going: cognition, not emotion.");
    await expect(review.progress).toHaveText("1 of 1 disagreements settled");
    await shoot(review.page, "review-settled");

    const traineeReview = new CodingReviewPage(trainee.coding.page);
    await traineeReview.open(exerciseId);
    await expect(traineeReview.card(1).getByTestId("settled")).toBeVisible();
    await expect(traineeReview.card(1)).toContainText("Reason-giving keeps the avoidance going");
  });
});
