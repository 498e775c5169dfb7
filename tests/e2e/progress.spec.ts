import { mkdirSync } from "node:fs";
import { type APIRequestContext, type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { anchorTurn } from "../../lib/domain/anchoring";
import type { Dimension, Polarity } from "../../lib/domain/codebook";
import { putCode, setReviewed } from "../../lib/domain/layerDoc";
import { readTurns } from "../../lib/domain/transcriptDoc";
import { type TestClient, connectClient } from "../support/collabClient";
import { PROGRESS_COHORT } from "../support/progressCohort";
import { SignInPage } from "./pages/SignInPage";

/**
 * Learning curves end to end: two keyed blind exercises on a copy of the demo transcript, coded through the
 * collaboration server the way a third-party client may (CONTRACTS §5), revealed over the API; the
 * server computes and stores the runs; the progress page reads them. In a cohort with no history of its
 * own (tests/support/progressCohort.ts, seeded before the server starts): the demo cohort has a term of it.
 */

/** Set COFLEX_SHOTS=/tmp/shots to keep screenshots for a person to look at. */
const SHOTS = process.env.COFLEX_SHOTS;
/** Runs are computed a moment after a change or a reveal. */
const RUN_ARRIVES = 30_000;
const TURNS = 12;

interface Signed {
  context: BrowserContext;
  page: Page;
  id: string;
  cookie: string;
}

async function signedIn(browser: Browser, email: string): Promise<Signed> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn(email);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  if (!cookie) throw new Error("no session cookie");
  return { context, page, id: session.user.id, cookie: `${cookie.name}=${cookie.value}` };
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/progress-e2e-${name}.png`, fullPage });
}

async function saved(client: TestClient): Promise<void> {
  await expect.poll(() => client.socket().writesSent > 0 && client.socket().saved >= client.socket().writesSent, { timeout: 10_000 }).toBe(true);
}

type Coding = (turn: number) => [Dimension, Polarity];
const DIMS: Dimension[] = ["self", "cognition", "emotion", "overt_behavior"];
/** The key: one code per turn, cycling through four dimensions. */
const KEY: Coding = (i) => [DIMS[i % 4]!, i % 3 === 0 ? "flexible" : "inflexible"];
/** Most turns read as another dimension. */
const POOR: Coding = (i) => (i % 4 === 0 ? KEY(i) : [DIMS[(i + 1) % 4]!, "inflexible"]);

/** Writes the coder's own layer over their session: one whole-turn code on each of the first TURNS turns, all reviewed. */
async function codeLayer(baseURL: string, coder: Signed, exercise: { id: string; transcriptId: string }, coding: Coding): Promise<void> {
  const ws = `${baseURL.replace(/^http/, "ws")}/collab`;
  const tx = connectClient(ws, transcriptRoom(exercise.transcriptId), coder.cookie);
  const layer = connectClient(ws, roomName({ kind: "layer", exerciseId: exercise.id, coderId: coder.id }), coder.cookie);
  try {
    await Promise.all([tx.synced(), layer.synced()]);
    const turns = readTurns(tx.doc).slice(0, TURNS);
    layer.doc.transact(() => {
      turns.forEach((turn, i) => {
        const anchor = anchorTurn(tx.doc, turn.id);
        if (!anchor) throw new Error(`turn ${i} has no text`);
        const [dimension, polarity] = coding(i);
        putCode(layer.doc, `e2e-${i}`, { ...anchor, dimension, polarity, at: Date.now() + i });
      });
      setReviewed(
        layer.doc,
        turns.map((t) => t.id),
        true,
      );
    });
    await saved(layer);
  } finally {
    layer.destroy();
    tx.destroy();
  }
}

/** Waits until the exercise's latest run compares every trainee with the key. */
async function runWithTrainees(request: APIRequestContext, exerciseId: string, traineeIds: string[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/exercises/${exerciseId}/agreement`);
        if (!res.ok()) return [];
        const body = (await res.json()) as { vsKey?: Array<{ coder: string }> };
        return (body.vsKey ?? []).map((k) => k.coder).sort();
      },
      { timeout: RUN_ARRIVES },
    )
    .toEqual([...traineeIds].sort());
}

test.describe.serial("learning curves against the key", () => {
  let cohortPath = "";
  const people: Record<"instructor" | "key" | "tara" | "theo", Signed | null> = { instructor: null, key: null, tara: null, theo: null };

  test.afterAll(async () => {
    for (const p of Object.values(people)) await p?.context.close();
  });

  test("before any keyed blind exercise is revealed, the page teaches how to get a curve", async ({ browser }) => {
    const instructor = (people.instructor = await signedIn(browser, PROGRESS_COHORT.instructor.email));
    await instructor.page.goto("/");
    const href = await instructor.page.locator('a[href^="/cohorts/"]').first().getAttribute("href");
    cohortPath = `/cohorts/${href!.split("/")[2]}/progress`;
    await instructor.page.goto(cohortPath);
    const empty = instructor.page.getByTestId("progress-empty");
    await expect(empty).toContainText("No keyed exercises yet — create a blind exercise with a key coder, then reveal it");
    // The cohort's open exercise has a key, and is not counted: open coding is not independent.
    await expect(empty).toContainText("1 open exercise with a key is not counted");
    await expect(empty.getByRole("link", { name: "Set up a blind exercise with a key" })).toBeVisible();
    await shoot(instructor.page, "empty");
  });

  test("after two revealed exercises, staff see each trainee's curve, time to criterion and drift", async ({ browser, baseURL }) => {
    const key = (people.key = await signedIn(browser, PROGRESS_COHORT.key.email));
    const tara = (people.tara = await signedIn(browser, PROGRESS_COHORT.tara.email));
    const theo = (people.theo = await signedIn(browser, PROGRESS_COHORT.theo.email));
    const list = (await (await key.page.request.get("/api/exercises")).json()) as Array<{ transcriptId: string }>;
    const transcriptId = list[0]!.transcriptId;

    // Week 1: Tara codes poorly, Theo like the key. Week 2: the other way round.
    const weeks: Array<[string, Coding, Coding]> = [
      ["Progress e2e — week 1", POOR, KEY],
      ["Progress e2e — week 2", KEY, POOR],
    ];
    for (const [title, taraCoding, theoCoding] of weeks) {
      const created = await key.page.request.post("/api/exercises", {
        data: { transcriptId, title, mode: "blind", coderIds: [key.id, tara.id, theo.id], keyCoderId: key.id, revealRule: "instructor" },
      });
      expect(created.status()).toBe(201);
      const exercise = { id: ((await created.json()) as { id: string }).id, transcriptId };
      await codeLayer(baseURL!, key, exercise, KEY);
      await codeLayer(baseURL!, tara, exercise, taraCoding);
      await codeLayer(baseURL!, theo, exercise, theoCoding);
      expect((await key.page.request.post(`/api/exercises/${exercise.id}/reveal`)).ok()).toBe(true);
      await runWithTrainees(key.page.request, exercise.id, [tara.id, theo.id]);
    }

    const page = people.instructor!.page;
    // These expectations were written on Cohen's κ with Landis & Koch bands; the cohort's headline is α,
    // so the page names the statistic the address asks for and says why.
    await page.goto(`${cohortPath}?stat=kappa&bands=landis-koch`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Learning curves — ${PROGRESS_COHORT.name}`);
    await expect(page.getByTestId("statistic-note")).toContainText("Showing κ (Cohen / Fleiss) because this page's address asks for it; this cohort's headline is Krippendorff's α with Krippendorff bands.");
    await expect(page.getByTestId("progress-count")).toHaveText("1 of 2 trainees at criterion · ⚠ 1 drifting");
    const table = page.getByTestId("progress-table");
    const taraRow = table.locator('tr[data-trainee="Tara Nguyen"]');
    const theoRow = table.locator('tr[data-trainee="Theo Brandt"]');
    await expect(taraRow.locator('[data-col="criterion"]')).toContainText("Reached at #2");
    await expect(taraRow.locator('[data-col="coded"]')).toHaveText("2 of 2 exercises coded");
    // The latest pooled κ: a number with its CI, turns and band — never bare.
    await expect(taraRow.locator('[data-col="latest"]')).toContainText(/^1\.00 \[\d\.\d\d, 1\.00\]/);
    await expect(taraRow.locator('[data-col="latest"]')).toContainText("almost perfect — Landis & Koch");
    // Units are client turns: the first TURNS turns of the demo hold half as many.
    await expect(taraRow.locator('[data-col="latest"]')).toContainText(`${TURNS / 2} turns`);
    await expect(theoRow.locator('[data-col="drift"]')).toHaveText("⚠ Below at #2 (met at #1)");

    // Tara's curve: below the criterion on #1 (a diamond), at it on #2 (a circle), the criterion line, the reached mark.
    const taraSection = page.locator('[data-testid="trainee-curves"][data-trainee="Tara Nguyen"]');
    const pooled = taraSection.locator('svg[data-testid$="-pooled"]');
    await expect(pooled.locator('[data-point="1"]')).toHaveAttribute("data-met", "no");
    await expect(pooled.locator('[data-point="2"]')).toHaveAttribute("data-met", "yes");
    await expect(pooled.locator('[data-testid^="criterion-"]')).toHaveCount(1);
    await expect(pooled.locator('[data-testid^="reached-"]')).toHaveCount(1);
    await expect(pooled.locator('[data-point="2"] title')).toContainText("Cohen's κ 1.00, 95% CI");
    await expect(taraSection.locator("[data-dimension]")).toHaveCount(6);
    await expect(page.locator('[data-testid="trainee-curves"][data-trainee="Theo Brandt"]').getByTestId("drift")).toContainText("below at #2 after meeting the criterion at #1");
    await shoot(page, "cohort");

    // Another coefficient and another criterion, kept in the URL.
    await page.getByRole("link", { name: "Krippendorff's α (headline)" }).click();
    await expect(page).not.toHaveURL(/stat=/);
    await expect(table.locator("thead")).toContainText("Latest pooled α");
    await page.getByRole("spinbutton", { name: "Criterion α ≥" }).fill("0.9");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/bands=landis-koch&criterion=0\.9/);
    await expect(table.locator("thead")).toContainText("Criterion α ≥ 0.90");
  });

  test("a trainee sees only their own curve", async () => {
    const page = people.tara!.page;
    await page.goto(cohortPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your learning curve — ${PROGRESS_COHORT.name}`);
    await expect(page.getByTestId("trainee-curves")).toHaveCount(1);
    await expect(page.getByTestId("reached")).toContainText("Reached at #2");
    await expect(page.getByText("Theo Brandt")).toHaveCount(0);
    await expect(page.getByTestId("progress-table")).toHaveCount(0);
    await shoot(page, "trainee");
  });
});
