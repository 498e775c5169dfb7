import { readFile } from "node:fs/promises";
import { type APIRequestContext, type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import type { Dimension, Polarity } from "../../lib/domain/codebook";
import { AgreementPage } from "./pages/AgreementPage";
import { type SeedCode, clearLayer, readTranscriptTurns, seedLayer } from "./pages/AgreementSeed";
import { CodingPage } from "./pages/CodingPage";
import { SignInPage } from "./pages/SignInPage";

const OPEN_EXERCISE = /Open co-coding: thesis avoidance/;
/** Set COFLEX_SHOTS=/tmp/shots to keep screenshots of the pages for a person to look at. */
const SHOTS = process.env.COFLEX_SHOTS;
/** A run is computed within ~2 s of a change and the page looks every 5 s. */
const RUN_ARRIVES = { timeout: 20_000 };

/** The viewport as a projector shows it, optionally scrolled so a section starts under the sticky bar. */
async function shoot(page: Page, name: string, sectionId?: string): Promise<void> {
  if (!SHOTS) return;
  if (sectionId) await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: "start" }), sectionId);
  await page.screenshot({ path: `${SHOTS}/agreement-${name}.png` });
}

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; coding: CodingPage }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await new SignInPage(page).signIn(email);
  return { context, coding: new CodingPage(page) };
}

interface ApiExercise {
  id: string;
  title: string;
  transcriptId: string;
  coders: Array<{ id: string; name: string }>;
  keyCoderId: string | null;
}

async function demoExercise(request: APIRequestContext): Promise<ApiExercise> {
  const list = (await (await request.get("/api/exercises")).json()) as ApiExercise[];
  const demo = list.find((e) => OPEN_EXERCISE.test(e.title));
  if (!demo) throw new Error("the demo exercise is missing");
  return (await (await request.get(`/api/exercises/${demo.id}`)).json()) as ApiExercise;
}

test("after two coders code the open demo, the agreement page shows banded numbers with CIs, pairs, confusion and timeline, and exports the codes", async ({ browser, baseURL }) => {
  // Two people code through the editor, then the page is read in every setting: long on a busy machine.
  test.slow();
  const supervisor = await signedIn(browser, "supervisor@coflex.test");
  const trainee = await signedIn(browser, "trainee1@coflex.test");
  const demo = await demoExercise(supervisor.coding.page.request);
  try {
    await codeDemoAndReadAgreement(supervisor, trainee, demo);
  } finally {
    // Specs share one database and others expect the demo uncoded: leave both layers empty again.
    const traineeId = demo.coders.find((c) => c.id !== demo.keyCoderId)!.id;
    await clearLayer(baseURL!, supervisor.context, demo.id, demo.keyCoderId!);
    await clearLayer(baseURL!, trainee.context, demo.id, traineeId);
    await supervisor.context.close();
    await trainee.context.close();
  }
});

async function codeDemoAndReadAgreement(supervisor: Awaited<ReturnType<typeof signedIn>>, trainee: Awaited<ReturnType<typeof signedIn>>, demo: ApiExercise): Promise<void> {
  const keyName = demo.coders.find((c) => c.id === demo.keyCoderId)?.name ?? "";
  const traineeName = demo.coders.find((c) => c.id !== demo.keyCoderId)?.name ?? "";
  const agreement = new AgreementPage(supervisor.coding.page);

  // Nobody has coded yet: the page teaches what makes agreement appear.
  await agreement.open(demo.id);
  await expect(agreement.empty).toContainText("Agreement needs a second coder");
  await expect(agreement.empty).toContainText("press 2 for cognition");
  await shoot(agreement.page, "empty");

  // Supervisor (the key): two spans, then the first ten turns marked reviewed.
  await supervisor.coding.open(demo.id);
  await supervisor.coding.selectText(1, "I'm useless at this");
  await supervisor.coding.code("4", "i");
  await supervisor.coding.selectText(3, "So I picked up my phone");
  await supervisor.coding.code("1", "i");
  await supervisor.coding.goToTurn(9);
  await supervisor.coding.page.keyboard.press("Shift+R");
  await expect(supervisor.coding.status).toHaveText("Saved ✓");

  // Trainee: one span, read as cognition where the key saw self; same ten turns reviewed.
  await trainee.coding.open(demo.id);
  await trainee.coding.selectText(1, "I'm useless at this");
  await trainee.coding.code("2", "i");
  await trainee.coding.goToTurn(9);
  await trainee.coding.page.keyboard.press("Shift+R");
  await expect(trainee.coding.status).toHaveText("Saved ✓");

  // The codes panel's live strip (open mode): α per dimension with its band.
  const live = supervisor.coding.page.getByTestId("live-agreement");
  await expect(live).toContainText("COG", RUN_ARRIVES);
  await expect(live).toContainText("5 turns · 2 coders", RUN_ARRIVES);
  await shoot(supervisor.coding.page, "coding-panel");

  // The bar's "Agreement" link opens the page.
  await supervisor.coding.page.getByRole("link", { name: "Agreement", exact: true }).click();
  await expect(agreement.page).toHaveURL(new RegExp(`/exercises/${demo.id}/agreement`));

  // Per dimension: the coefficient's name, value, CI, band with its scheme, turns and coders — never a bare number.
  const cognition = agreement.row("cognition");
  // The cohort's headline statistic (Krippendorff's α with Krippendorff's bands by default) leads the page.
  await expect(cognition).toContainText("— Krippendorff", RUN_ARRIVES);
  await expect(agreement.page.getByTestId("exercise-headline")).toContainText("Headline (Krippendorff's α with Krippendorff bands)");
  await expect(agreement.page.getByTestId("statistic-note")).toHaveCount(0);
  await expect(cognition.locator(".bars-value")).toHaveText(/^α [−]?\d\.\d{2,4}$/);
  await expect(cognition.locator(".bars-ci")).toHaveText(/^\[[−]?\d\.\d\d, [−]?\d\.\d\d\]$/);
  await expect(cognition.locator(".bars-band")).toHaveText(/^(unreliable|tentative|reliable) — Krippendorff$/);
  // Units are client turns: of the ten reviewed turns, the five client turns.
  await expect(cognition.locator("td.num").first()).toHaveText("5");
  await expect(cognition.locator("td.num").nth(1)).toHaveText("2");
  await expect(agreement.page.getByRole("img", { name: /^Cognition: Krippendorff's α/ })).toBeVisible();
  // Five client turns compared: the caution is said once above the table, in plain words.
  await expect(agreement.page.getByTestId("shared-note")).toContainText("Only 5 turns compared");
  // A dimension nobody coded: not a number, an explanation.
  await expect(agreement.row("attention").locator(".bars-value")).toHaveText("α —");
  await expect(agreement.note("attention")).toContainText("not defined");
  await expect(agreement.status).toContainText("Computed at");
  await expect(agreement.status).toContainText("updates within a second of any change");
  await shoot(agreement.page, "page");

  // Another scheme and another coefficient, named wherever the number is.
  await agreement.chooseBands("Cicchetti");
  await expect(cognition.locator(".bars-band")).toContainText("— Cicchetti");
  await agreement.chooseStatistic(/κ/);
  await expect(cognition.locator(".bars-value")).toHaveText(/^κ /);
  await expect(agreement.page.getByRole("img", { name: /^Cognition: Cohen's κ/ })).toBeVisible();
  // The chosen view is in the address (either order of the two parameters).
  await expect(agreement.page).toHaveURL(/[?&]stat=kappa(&|$)/);
  await expect(agreement.page).toHaveURL(/[?&]bands=cicchetti(&|$)/);
  // Not the headline: the page names the one it shows and says why.
  await expect(agreement.page.getByTestId("statistic-note")).toContainText("Showing κ (Cohen / Fleiss) because you chose it above");
  await agreement.chooseStatistic(/Krippendorff/);
  await agreement.chooseBands("Krippendorff");
  await expect(agreement.page.getByTestId("statistic-note")).toHaveCount(0);

  // Coder pairs and the key.
  await expect(agreement.heatmap).toBeVisible();
  await expect(agreement.heatmap.locator("[data-pair]")).toHaveCount(2);
  await expect(agreement.heatmap).toContainText(traineeName);
  await expect(agreement.keyTable).toContainText(traineeName);
  await shoot(agreement.page, "key", "against-key");
  await shoot(agreement.page, "pairs", "coder-pairs");

  // Confusion (trainee vs key, the key in rows) and the process timeline with its hotspot.
  await expect(agreement.confusion).toBeVisible();
  await expect(agreement.page.locator(".confusion-words")).toContainText(`Key SELF·I, ${traineeName} COG·I — 1 turn`);
  await shoot(agreement.page, "confusion", "confusion");
  await expect(agreement.timeline).toBeVisible();
  await expect(agreement.timeline.locator('[data-hotspot="2"]')).toHaveCount(1);
  await expect(agreement.page.locator(".hotspot-list")).toContainText("Turn 2");
  await shoot(agreement.page, "timeline", "timeline");

  // Export ▾ → CSV of the codes: every code, with its coder and quote.
  const download = await agreement.download("csv");
  expect(download.suggestedFilename()).toMatch(/codes.*\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(4);
  expect(csv).toContain("I'm useless at this");
  expect(csv).toContain("So I picked up my phone");
  expect(lines.filter((l) => l.includes("self,inflexible") && l.includes(keyName))).toHaveLength(1);
  expect(lines.filter((l) => l.includes("cognition,inflexible") && l.includes(traineeName))).toHaveLength(1);
  expect(lines.filter((l) => l.includes("emotion,inflexible") && l.includes(keyName))).toHaveLength(1);

  // The same menu sits in the coding page's bar; agreement files too, since this is an open exercise.
  await trainee.coding.page.getByText("Export ▾").click();
  await expect(trainee.coding.page.locator('.export-panel a[data-format="agreement-csv"]')).toBeVisible();
  await expect(trainee.coding.page.locator('.export-panel a[data-format="qdpx"]')).toHaveAttribute("download", "");
  await shoot(trainee.coding.page, "export-menu");
  await trainee.coding.page.keyboard.press("Escape");
  await expect(trainee.coding.page.locator(".export-panel")).toBeHidden();
}

test("in a blind exercise a coder sees that agreement is hidden until the reveal", async ({ browser }) => {
  const supervisor = await signedIn(browser, "supervisor@coflex.test");
  const trainee = await signedIn(browser, "trainee1@coflex.test");
  const request = supervisor.coding.page.request;
  const demo = await demoExercise(request);
  const created = await request.post("/api/exercises", {
    data: { transcriptId: demo.transcriptId, title: `Blind agreement e2e ${Date.now()}`, mode: "blind", coderIds: demo.coders.map((c) => c.id), revealRule: "instructor" },
  });
  expect(created.status()).toBe(201);
  const exerciseId = ((await created.json()) as { id: string }).id;
  try {
    const agreement = new AgreementPage(trainee.coding.page);
    await agreement.open(exerciseId);
    await expect(trainee.coding.page.getByRole("heading", { level: 1 })).toHaveText("Agreement is hidden until the reveal");
    await expect(agreement.bars).toHaveCount(0);
    await shoot(trainee.coding.page, "hidden");
    // The coding bar offers no Agreement link and no export before the reveal.
    await trainee.coding.open(exerciseId);
    await expect(trainee.coding.page.getByRole("link", { name: "Agreement", exact: true })).toHaveCount(0);
    await expect(trainee.coding.page.getByText("Export ▾")).toHaveCount(0);
    await expect(trainee.coding.page.getByTestId("live-agreement")).toHaveCount(0);
    // Over HTTP every export format answers exactly as the agreement API does: 404, the same body.
    const hidden = await trainee.coding.page.request.get(`/api/exercises/${exerciseId}/agreement`);
    const hiddenBody = await hidden.text();
    expect(hidden.status()).toBe(404);
    for (const query of ["csv", "json", "qdpx", "matrix&variable=self", "agreement-csv", "agreement-json"]) {
      const answer = await trainee.coding.page.request.get(`/api/exercises/${exerciseId}/export?format=${query}`);
      expect([query, answer.status(), await answer.text()]).toEqual([query, 404, hiddenBody]);
    }
  } finally {
    // A blind exercise still coding locks the demo transcript: end it either way.
    await request.post(`/api/exercises/${exerciseId}/reveal`);
    await supervisor.context.close();
    await trainee.context.close();
  }
});

/** A key's coding of the client turns and two trainees who mostly follow it, each differently. */
function fullerSession(clientTurns: readonly number[]): { key: SeedCode[]; first: SeedCode[]; second: SeedCode[] } {
  const plan: Array<Array<[Dimension, Polarity]>> = [
    [["self", "inflexible"], ["cognition", "inflexible"]],
    [["emotion", "inflexible"], ["overt_behavior", "inflexible"]],
    [["cognition", "inflexible"]],
    [["attention", "inflexible"]],
    [["attention", "flexible"]],
    [["emotion", "flexible"]],
    [["cognition", "flexible"]],
    [["self", "flexible"], ["overt_behavior", "inflexible"]],
    [["motivation", "flexible"]],
    [["overt_behavior", "flexible"]],
    [],
  ];
  const flip = (p: Polarity): Polarity => (p === "flexible" ? "inflexible" : "flexible");
  const key: SeedCode[] = [];
  const first: SeedCode[] = [];
  const second: SeedCode[] = [];
  clientTurns.forEach((turn, k) => {
    const codes = plan[k % plan.length]!;
    codes.forEach(([dimension, polarity], j) => {
      key.push({ turn, dimension, polarity });
      // The first trainee flips a pole now and then and misses a second code.
      if (!(k % 7 === 3 && j === 0)) first.push({ turn, dimension, polarity: k % 5 === 2 && j === 0 ? flip(polarity) : polarity });
      // The second reads cognition as self (and back), flips more often, and misses more.
      const swapped: Dimension = dimension === "cognition" ? "self" : dimension === "self" ? "cognition" : dimension;
      if (k % 4 !== 3) second.push({ turn, dimension: k % 3 === 1 ? swapped : dimension, polarity: k % 4 === 2 ? flip(polarity) : polarity });
    });
    if (k % 6 === 5) second.push({ turn, dimension: "motivation", polarity: "inflexible" });
  });
  return { key, first, second };
}

test("with three coders over a whole session, the views name Fleiss' κ, show every pair and both trainees against the key", async ({ browser, baseURL }) => {
  const supervisor = await signedIn(browser, "supervisor@coflex.test");
  const trainee1 = await signedIn(browser, "trainee1@coflex.test");
  const trainee2 = await signedIn(browser, "trainee2@coflex.test");
  const request = supervisor.coding.page.request;
  const demo = await demoExercise(request);
  const ids = await Promise.all(
    [supervisor, trainee1, trainee2].map(async (who) => ((await (await who.coding.page.request.get("/api/auth/session")).json()) as { user: { id: string } }).user.id),
  );
  const [keyId, firstId, secondId] = ids as [string, string, string];
  const created = await request.post("/api/exercises", {
    data: { transcriptId: demo.transcriptId, title: `Cohort session ${Date.now()}`, mode: "open", coderIds: ids, keyCoderId: keyId, revealRule: "instructor" },
  });
  expect(created.status()).toBe(201);
  const exercise = { id: ((await created.json()) as { id: string }).id, transcriptId: demo.transcriptId };

  const turns = await readTranscriptTurns(baseURL!, supervisor.context, demo.transcriptId);
  const session = fullerSession(turns.filter((t) => t.role === "client").map((t) => t.index));
  const last = turns.length - 1;
  await seedLayer(baseURL!, supervisor.context, exercise, keyId, session.key, last);
  await seedLayer(baseURL!, trainee1.context, exercise, firstId, session.first, last);
  await seedLayer(baseURL!, trainee2.context, exercise, secondId, session.second, last);

  const agreement = new AgreementPage(supervisor.coding.page);
  await expect(async () => {
    await agreement.open(exercise.id);
    await expect(agreement.row("cognition").locator("td.num").nth(1)).toHaveText("3", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(agreement.row("cognition").locator("td.num").first()).toHaveText(String(turns.filter((t) => t.role === "client").length));
  await expect(agreement.row("cognition").locator(".bars-ci")).toHaveText(/^\[[−]?\d\.\d\d, [−]?\d\.\d\d\]$/);
  // The demo has 26 client turns, under the 30-unit guideline: one shared caution, not one per row.
  await expect(agreement.page.getByTestId("shared-note")).toContainText("Only 26 turns compared");
  await shoot(agreement.page, "full-page");

  await agreement.chooseStatistic(/κ/);
  await expect(agreement.page.getByRole("img", { name: /^Cognition: Fleiss' κ/ })).toBeVisible();
  await agreement.chooseStatistic(/Krippendorff/);

  await expect(agreement.heatmap.locator("[data-pair]")).toHaveCount(6);
  await expect(agreement.keyTable.locator("tbody tr")).toHaveCount(2);
  await shoot(agreement.page, "full-key", "against-key");
  await shoot(agreement.page, "full-pairs", "coder-pairs");
  await expect(agreement.page.locator(".confusion-words")).toContainText("Most frequent differences");
  await shoot(agreement.page, "full-confusion", "confusion");
  await expect(agreement.timeline.locator("[data-hotspot]").first()).toBeAttached();
  await shoot(agreement.page, "full-timeline", "timeline");
  if (SHOTS) {
    // No information by colour alone: the same views with colour removed, as a greyscale projector shows them.
    await agreement.page.addStyleTag({ content: "html { filter: grayscale(1); }" });
    await shoot(agreement.page, "full-grey-timeline", "timeline");
    await shoot(agreement.page, "full-grey-page", "dimensions");
    await shoot(agreement.page, "full-grey-key", "against-key");
    await agreement.page.addStyleTag({ content: "html { filter: none; }" });
  }
  await agreement.chooseStatistic(/Percent/);
  await expect(agreement.row("cognition").locator(".bars-band")).toHaveText("no band: not chance-corrected");

  await supervisor.context.close();
  await trainee1.context.close();
  await trainee2.context.close();
});
