import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { type SeedCode, readTranscriptTurns, seedLayer } from "./pages/AgreementSeed";
import { GroupReviewPage } from "./pages/GroupReviewPage";
import { DEMO_PASSWORD, SignInPage } from "./pages/SignInPage";

/**
 * Group review with a class: six trainees and the key code a blind exercise (layers written over their
 * own sessions, as a third-party client may), the instructor reveals, then reviews every coder at once —
 * the distribution per turn, hotspots first, anonymous by default, a settlement with its rationale, and
 * projector mode from the keyboard; a trainee's review opens "me vs key".
 *
 * Named to run last: it adds six trainees to the demo cohort, which earlier specs count.
 */

const SHOTS = process.env.COFLEX_SHOTS;
const OPEN_EXERCISE = /Open co-coding: thesis avoidance/;
const PASSWORD = "group-review-pass";

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** axe finds nothing serious or critical on the page as it is now. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${what}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

interface Person {
  id: string;
  name: string;
  email: string;
  context: BrowserContext;
}

async function signInByApi(browser: Browser, email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(400);
  return context;
}

async function sessionUserId(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id?: string } };
  if (!session.user?.id) throw new Error("not signed in");
  return session.user.id;
}

test.describe.serial("group review of a class", () => {
  const tag = Math.random().toString(36).slice(2, 7);
  let instructor: Page;
  let instructorContext: BrowserContext;
  let key: Person;
  const trainees: Person[] = [];
  let exerciseId = "";
  let clientTurns: number[] = [];
  let revealed = false;

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    instructorContext = await browser.newContext();
    instructor = await instructorContext.newPage();
    await new SignInPage(instructor).signIn("instructor@coflex.test");
    const cohortHref = await instructor.locator('a[href^="/cohorts/"]').first().getAttribute("href");
    const cohortId = cohortHref!.split("/")[2]!;
    const list = (await (await instructor.request.get("/api/exercises")).json()) as Array<{ id: string; title: string }>;
    const demo = (await (await instructor.request.get(`/api/exercises/${list.find((e) => OPEN_EXERCISE.test(e.title))!.id}`)).json()) as { transcriptId: string; keyCoderId: string };

    const keyContext = await signInByApi(browser, "supervisor@coflex.test", DEMO_PASSWORD);
    key = { id: await sessionUserId(keyContext.request), name: "Sam Supervisor", email: "supervisor@coflex.test", context: keyContext };
    for (let i = 1; i <= 6; i++) {
      const person = { name: `Class ${i} ${tag}`, email: `class${i}-${tag}@coflex.test` };
      const added = await instructor.request.post(`/api/cohorts/${cohortId}/members`, { data: { ...person, password: PASSWORD, role: "trainee" } });
      expect(added.status()).toBe(201);
      const { userId } = (await added.json()) as { userId: string };
      trainees.push({ id: userId, ...person, context: await signInByApi(browser, person.email, PASSWORD) });
    }
    const created = await instructor.request.post("/api/exercises", {
      data: { transcriptId: demo.transcriptId, title: `Group review ${tag}`, mode: "blind", coderIds: [key.id, ...trainees.map((t) => t.id)], keyCoderId: key.id },
    });
    expect(created.status()).toBe(201);
    exerciseId = ((await created.json()) as { id: string }).id;

    const turns = await readTranscriptTurns(baseURL!, key.context, demo.transcriptId);
    clientTurns = turns.filter((t) => t.role === "client").map((t) => t.index);
    const [a, b, c] = clientTurns as [number, number, number];
    const lastSeen = c;
    const exercise = { id: exerciseId, transcriptId: demo.transcriptId };
    // Turn a: the hotspot. Turn b: everyone agrees. Turn c: a smaller split.
    const keyCodes: SeedCode[] = [
      { turn: a, dimension: "cognition", polarity: "inflexible" },
      { turn: b, dimension: "self", polarity: "inflexible" },
      { turn: c, dimension: "emotion", polarity: "inflexible" },
    ];
    const onA: Array<SeedCode["dimension"] | null> = ["cognition", "cognition", "cognition", "overt_behavior", null, "cognition"];
    const poleA: SeedCode["polarity"][] = ["inflexible", "inflexible", "flexible", "inflexible", "inflexible", "flexible"];
    await seedLayer(baseURL!, key.context, exercise, key.id, keyCodes, lastSeen);
    for (const [i, trainee] of trainees.entries()) {
      const codes: SeedCode[] = [{ turn: b, dimension: "self", polarity: "inflexible" }];
      if (onA[i]) codes.push({ turn: a, dimension: onA[i]!, polarity: poleA[i]! });
      codes.push({ turn: c, dimension: i < 4 ? "emotion" : "attention", polarity: "inflexible" });
      await seedLayer(baseURL!, trainee.context, exercise, trainee.id, codes, lastSeen);
    }
  });

  test.afterAll(async () => {
    // A blind exercise still coding would lock the demo transcript: end it either way.
    if (exerciseId && !revealed) await instructor?.request.post(`/api/exercises/${exerciseId}/reveal`);
    for (const p of [key, ...trainees]) await p?.context.close();
    await instructorContext?.close();
  });

  test("before the reveal a blind coder gets the agreement API's 404 from the group-review data", async () => {
    const refused = await trainees[0]!.context.request.get(`/api/exercises/${exerciseId}/group-review`);
    expect(refused.status()).toBe(404);
    const agreement = await trainees[0]!.context.request.get(`/api/exercises/${exerciseId}/agreement`);
    expect(agreement.status()).toBe(404);
    expect(await refused.json()).toEqual(await agreement.json());
  });

  test("after the reveal the instructor sees every coder's codes per turn, hotspots first, anonymous until names are shown", async () => {
    expect((await instructor.request.post(`/api/exercises/${exerciseId}/reveal`)).status()).toBe(200);
    revealed = true;
    await expect.poll(async () => (await instructor.request.get(`/api/exercises/${exerciseId}/group-review`)).status(), { timeout: 30_000 }).toBe(200);
    const review = new GroupReviewPage(instructor);
    await review.open(exerciseId);
    const [a, b, c] = clientTurns as [number, number, number];

    // Hotspots first: turn a (cognition split three ways, one behaviour, one nothing), then turn c.
    const order = await review.turnOrder();
    expect(order.slice(0, 2)).toEqual([a + 1, c + 1]);
    const first = review.card(a);
    await expect(review.bar(first, "COG·I")).toContainText("2 of 6");
    await expect(review.bar(first, "COG·I")).toContainText("✓ key");
    await expect(review.bar(first, "COG·F")).toContainText("2 of 6");
    await expect(review.bar(first, "BEH·I")).toContainText("1 of 6");
    await expect(review.bar(first, "none")).toContainText("1 of 6");
    await expect(review.card(b).getByTestId("disagreement")).toHaveText("Disagreement 0%");
    await expect(instructor.getByTestId("group-headline")).toContainText("Krippendorff's α");

    // Anonymous by default: no trainee's name anywhere on the page until the instructor shows them.
    await expect(instructor.getByText(trainees[0]!.name)).toHaveCount(0);
    await shoot(instructor, "group-review-1280");
    await expectAccessible(instructor, "group review");
    await instructor.getByLabel("Show coders' names").check();
    await expect(review.bar(first, "COG·I")).toContainText(trainees[0]!.name);
    await instructor.getByLabel("Show coders' names").uncheck();
    await expect(instructor.getByText(trainees[0]!.name)).toHaveCount(0);

    // Turn order, and one dimension.
    await instructor.getByText("Turn order", { exact: true }).click();
    const inOrder = await review.turnOrder();
    expect(inOrder).toEqual([...inOrder].sort((x, y) => x - y));
    await instructor.getByLabel("Dimension").selectOption({ label: "Overt behavior" });
    expect(await review.turnOrder()).toEqual([a + 1]);
    await instructor.getByLabel("Dimension").selectOption({ label: "All dimensions" });
    await instructor.getByText("Hotspots first", { exact: true }).click();
    expect((await review.turnOrder())[0]).toBe(a + 1);
  });

  test("the instructor settles the hotspot with a one-line rationale, and the settlement is kept", async () => {
    const review = new GroupReviewPage(instructor);
    const [a] = clientTurns as [number];
    const card = review.card(a);
    await card.getByRole("button", { name: `Settle turn ${a + 1}…` }).click();
    await card.getByRole("button", { name: new RegExp(`^Settle turn ${a + 1}`) }).click();
    await expect(card.getByRole("alert")).toContainText("rationale");
    await card.getByLabel(/Rationale/).fill("A rule taken literally: fusion, not defusion.");
    await card.getByRole("button", { name: new RegExp(`^Settle turn ${a + 1}`) }).click();
    await expect(card.getByTestId("consensus")).toContainText("A rule taken literally: fusion, not defusion.");
    await expect(card.getByTestId("consensus")).toContainText("COG·I");
    await expect(review.progress).toHaveText(/^1 of \d+ hotspots settled$/);
    await instructor.reload();
    await expect(review.card(a).getByTestId("consensus")).toContainText("A rule taken literally");
  });

  test("projector mode shows one turn per screen and moves with the keyboard, at 1280×720 and 1920×1080", async () => {
    const review = new GroupReviewPage(instructor);
    const [a, , c] = clientTurns as [number, number, number];
    await instructor.getByRole("button", { name: "Projector mode" }).click();
    await expect(review.projector).toBeVisible();
    await expect(review.projector.getByTestId("projector-turn")).toHaveText(new RegExp(`^Turn ${a + 1} ·`));
    await expect(review.projector.getByTestId("consensus")).toContainText("A rule taken literally");
    await shoot(instructor, "projector-1280x720");
    await expectAccessible(instructor, "projector mode");
    await instructor.keyboard.press("ArrowRight");
    await expect(review.projector.getByTestId("projector-turn")).toHaveText(new RegExp(`^Turn ${c + 1} ·`));
    await expect(review.projector.getByTestId("distribution").locator('[data-code="EMO·I"]')).toContainText("4 of 6");
    await instructor.setViewportSize({ width: 1920, height: 1080 });
    await shoot(instructor, "projector-1920x1080");
    await instructor.keyboard.press("k");
    await expect(review.projector.getByTestId("projector-turn")).toHaveText(new RegExp(`^Turn ${a + 1} ·`));
    await instructor.keyboard.press("j");
    await expect(review.projector.getByTestId("projector-turn")).toHaveText(new RegExp(`^Turn ${c + 1} ·`));
    // Everything fits one screen: no scrolling inside the projector at either size.
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await instructor.setViewportSize(size);
      const fits = await review.projector.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1);
      expect(fits).toBe(true);
    }
    await instructor.keyboard.press("Escape");
    await expect(review.projector).toHaveCount(0);
  });

  test("a trainee's review opens their codes against the key, with no other trainee named", async () => {
    const [a] = clientTurns as [number];
    const me = trainees[2]!; // coded COG·F where the key has COG·I
    const page = await me.context.newPage();
    await page.goto(`/exercises/${exerciseId}/review`);
    await expect(page.getByRole("heading", { level: 1, name: /^You vs the key:/ })).toBeVisible();
    await expect(page.getByTestId("me-summary")).toContainText("turns coded exactly like the key");
    const card = page.getByTestId("me-turn").filter({ has: page.getByRole("heading", { name: new RegExp(`^Turn ${a + 1} ·`) }) });
    await expect(card.getByTestId("me-verdict")).toHaveText("You read COG·F where the key has COG·I (other pole).");
    await expect(card.getByTestId("consensus")).toContainText("A rule taken literally");
    await expect(page.getByTestId("confusion-matrix")).toBeVisible();
    for (const other of trainees.filter((t) => t.id !== me.id)) await expect(page.getByText(other.name)).toHaveCount(0);
    await shoot(page, "trainee-me-vs-key");
    await expectAccessible(page, "me vs key");
    await page.close();

    // The same headline number as the agreement page's key table shows for this trainee.
    await instructor.goto(`/exercises/${exerciseId}/agreement`);
    const cell = instructor.getByTestId("key-table").locator(`td[data-coder="${me.id}"][data-variable="pooled"] .key-value`);
    await expect(cell).toHaveText(/\d/, { timeout: 20_000 });
    const value = (await cell.innerText()).trim().split(/\s/)[0]!;
    const again = await me.context.newPage();
    await again.goto(`/exercises/${exerciseId}/review`);
    await expect(again.getByTestId("me-headline")).toContainText(`Krippendorff's α ${value}`);

    // The instructor lets trainees see each other's names; the trainee's class bars then name who gave what.
    await new GroupReviewPage(instructor).open(exerciseId);
    await instructor.getByLabel("Trainees see each other's names in their review").check();
    await expect.poll(async () => ((await (await instructor.request.get(`/api/exercises/${exerciseId}`)).json()) as { coderNamesVisible: boolean }).coderNamesVisible).toBe(true);
    await again.reload();
    await expect(again.getByText("Other coders are named, as this exercise allows.")).toBeVisible();
    await expect(again.getByText(trainees[0]!.name).first()).toBeVisible();
    await again.close();
  });
});
