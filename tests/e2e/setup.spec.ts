import { mkdirSync } from "node:fs";
import { type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { CodingPage } from "./pages/CodingPage";
import { SetupCodebookPage } from "./pages/SetupCodebookPage";
import { SetupExercisePage } from "./pages/SetupExercisePage";
import { SignInPage } from "./pages/SignInPage";
import { TranscriptPage } from "./pages/TranscriptPage";

const SHOTS = process.env.COFLEX_SHOTS_DIR ?? "/tmp/shots";
mkdirSync(SHOTS, { recursive: true });

const DEMO_TRANSCRIPT = /Demo session — thesis avoidance/;
const DEMO_EXERCISE = /Open co-coding: thesis avoidance/;
const OLD_DEFINITION = "Treating thoughts as literal truths or commands that dictate behaviour";
const NEW_DEFINITION = "Taking thoughts as literal truths or orders (course wording, week 3): rigid rules, reason-giving and harsh self-evaluations believed at face value.";

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn(email);
  return { context, page };
}

test.describe.serial("setting up: the codebook, then an exercise that uses it", () => {
  let exerciseId = "";

  test("the instructor edits a definition and saves it as version 2, which the codebook page then shows", async ({ browser }) => {
    const { context, page } = await signedIn(browser, "instructor@coflex.test");
    const codebook = new SetupCodebookPage(page);
    await codebook.openFromHome();
    await expect(codebook.summary).toContainText("version 1");
    const definition = codebook.field("Definition", "Cognition", "inflexible");
    await expect(definition).toHaveValue(new RegExp(`^${OLD_DEFINITION}`));
    await expect(codebook.saveButton).toBeDisabled();
    await expect(codebook.rulesNote).toContainText("Fixed: the six dimensions, their abbreviations and colours");
    await shoot(page, "codebook-v1");

    // An empty definition is refused in plain words, with a link to the field, and nothing is saved.
    await definition.fill("");
    await codebook.save(2);
    await expect(codebook.problems).toBeFocused();
    await expect(codebook.problems).toContainText("Cognition, inflexible pole — definition is empty.");
    await expect(definition).toHaveAttribute("aria-invalid", "true");
    await shoot(page, "codebook-error");
    await codebook.problems.getByRole("link", { name: /definition is empty/ }).click();
    await expect(definition).toBeFocused();

    await definition.fill(NEW_DEFINITION);
    await expect(codebook.problems).toBeHidden();
    await expect(codebook.saveState).toContainText("1 field changed since version 1 (COG·I definition)");

    // Tags: add one with Enter, remove another.
    await page.getByLabel("New tag, Cognition, inflexible").fill("Perfectionism");
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Tag 4, Cognition, inflexible")).toHaveValue("Perfectionism");
    await page.getByRole("button", { name: "Remove tag “Reason-giving” (Cognition, inflexible)" }).click();
    await expect(page.getByLabel("Tag 2, Cognition, inflexible")).toHaveValue("Rigid rules");
    await expect(codebook.saveState).toContainText("2 fields changed since version 1 (COG·I definition, COG·I tags)");
    await page.getByRole("region", { name: "Cognition" }).scrollIntoViewIfNeeded();
    await shoot(page, "codebook-editing");
    await codebook.save(2);
    await expect(codebook.saveState).toContainText("Saved ✓ — version 2 is now the current codebook.");
    await expect(codebook.summary).toContainText("version 2");
    await expect(codebook.history.getByRole("listitem")).toHaveCount(2);
    await expect(codebook.history.getByRole("listitem").first()).toContainText(/Version 2\s*current/);
    await expect(codebook.history.getByRole("listitem").first()).toContainText("by Irene Lindqvist");
    await expect(page.getByRole("button", { name: "Save as version 3" })).toBeDisabled();
    await shoot(page, "codebook-saved");

    // The API refuses, in words, what the page would not send: a stale base, an unchanged copy, a recoloured dimension.
    const api = `/api${new URL(page.url()).pathname}`;
    const { current } = (await (await page.request.get(api)).json()) as { current: { codebook: { entries: Array<{ colour: string }> } } };
    const stale = await page.request.post(api, { data: { baseVersion: 1, codebook: current.codebook } });
    expect(stale.status()).toBe(409);
    expect(((await stale.json()) as { error: string }).error).toMatch(/Version 2 was saved while you were editing version 1/);
    const unchanged = await page.request.post(api, { data: { baseVersion: 2, codebook: current.codebook } });
    expect(((await unchanged.json()) as { error: string }).error).toBe("Nothing to save: this is the same as version 2.");
    const recoloured = { ...current.codebook, entries: current.codebook.entries.map((e, i) => (i === 0 ? { ...e, colour: "#123456" } : e)) };
    const refused = await page.request.post(api, { data: { baseVersion: 2, codebook: recoloured } });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Emotion: dimension names, abbreviations and colours are fixed/);
    expect(((await (await page.request.get(api)).json()) as { versions: unknown[] }).versions).toHaveLength(2);

    // The save is in the cohort's audit trail.
    const codebookPath = new URL(page.url()).pathname;
    await page.goto(codebookPath.replace(/\/codebook$/, "/audit"));
    await expect(page.getByRole("row").filter({ hasText: "codebook.update" }).filter({ hasText: "Irene Lindqvist" }).first()).toContainText("ok");

    // Opened afresh (a back-navigation still settling aborted a reload once), the page shows version 2;
    // version 1 is still there, read-only, with the old wording.
    await page.goto(codebookPath);
    await expect(codebook.summary).toContainText("version 2");
    await expect(codebook.field("Definition", "Cognition", "inflexible")).toHaveValue(NEW_DEFINITION);
    await expect(page.getByLabel("Tag 3, Cognition, inflexible")).toHaveValue("Perfectionism");
    await codebook.history.getByRole("link", { name: "Version 1" }).click();
    await expect(codebook.summary).toContainText("version 1");
    await expect(codebook.readOnlyPole("Cognition", "inflexible")).toContainText(OLD_DEFINITION);
    await expect(codebook.saveButton).toHaveCount(0);
    await shoot(page, "codebook-v1-readonly");
    await context.close();
  });

  test("a trainee reads the current codebook but cannot change it", async ({ browser }) => {
    const { context, page } = await signedIn(browser, "trainee1@coflex.test");
    const codebook = new SetupCodebookPage(page);
    await codebook.openFromHome();
    await expect(codebook.summary).toContainText("version 2");
    await expect(codebook.readOnlyPole("Cognition", "inflexible")).toContainText(NEW_DEFINITION);
    await expect(codebook.readOnlyPole("Cognition", "inflexible").getByRole("listitem")).toHaveText(["Thoughts as literal truths", "Rigid rules", "Perfectionism"]);
    await expect(codebook.rulesNote).toContainText("Only the cohort's instructors can change the codebook.");
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await shoot(page, "codebook-trainee");

    const url = new URL(page.url());
    const api = `/api${url.pathname}`;
    const current = (await (await page.request.get(api)).json()) as { current: { codebook: { version: number } }; canEdit: boolean; versions: unknown[] };
    expect(current.current.codebook.version).toBe(2);
    expect(current.canEdit).toBe(false);
    expect(current.versions).toHaveLength(2);
    const refused = await page.request.post(api, { data: { baseVersion: 2, codebook: current.current.codebook } });
    expect(refused.status()).toBe(403);
    await context.close();
  });

  test("the supervisor creates a blind exercise from the demo transcript with trainee1 and trainee2 and lands on its coding page", async ({ browser }) => {
    const { context, page } = await signedIn(browser, "supervisor@coflex.test");
    await new TranscriptPage(page).openFromHome(DEMO_TRANSCRIPT);
    const setup = new SetupExercisePage(page);
    await setup.openFromTranscript();
    await expect(setup.title).toHaveValue("Demo session — thesis avoidance (synthetic) — Blind");
    await expect(page.getByText("coded with codebook version 2")).toBeVisible();

    // Nothing chosen yet: the form says what is missing and sends nothing.
    await setup.createButton.click();
    await expect(setup.problems).toBeFocused();
    await expect(setup.problems).toContainText("Choose at least one coder.");
    await shoot(page, "setup-missing-coders");

    // From the keyboard: arrows move between the mode cards (the title follows), Space ticks a coder.
    await page.getByRole("radio", { name: /^Blind — / }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: /^Open — / })).toBeChecked();
    await expect(setup.title).toHaveValue("Demo session — thesis avoidance (synthetic) — Open");
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByRole("radio", { name: /^Blind — / })).toBeChecked();
    await expect(setup.title).toHaveValue("Demo session — thesis avoidance (synthetic) — Blind");
    await setup.coder("Tara Nguyen").check();
    await setup.coder("Theo Brandt").focus();
    await page.keyboard.press("Space");
    await expect(setup.coder("Theo Brandt")).toBeChecked();
    await expect(setup.problems).toBeHidden();
    await expect(setup.keyCoder.getByRole("option")).toHaveText(["No key", "Tara Nguyen (trainee)", "Theo Brandt (trainee)"]);
    await setup.chooseReveal("When all coders have submitted");
    await expect(page.getByText("A blind exercise for 2 coders (2 trainees), coded with codebook version 2.")).toBeVisible();
    await shoot(page, "setup-filled", true);

    exerciseId = await setup.create();
    const coding = new CodingPage(page);
    await expect(page.getByRole("heading", { name: "Demo session — thesis avoidance (synthetic) — Blind" })).toBeVisible();
    await expect(coding.page.locator(".turn").nth(3)).toBeVisible();
    await shoot(page, "setup-landed");

    const exercise = (await (await page.request.get(`/api/exercises/${exerciseId}`)).json()) as { mode: string; state: string; coders: Array<{ name: string }>; keyCoderId: string | null };
    expect(exercise.mode).toBe("blind");
    expect(exercise.state).toBe("coding");
    expect(exercise.coders.map((c) => c.name).sort()).toEqual(["Tara Nguyen", "Theo Brandt"]);
    expect(exercise.keyCoderId).toBeNull();

    // The new exercise is on the supervisor's home page.
    await page.goto("/");
    await expect(page.getByRole("listitem").filter({ hasText: "Demo session — thesis avoidance (synthetic) — Blind" })).toContainText("Blind");
    await context.close();
  });

  test("coders see the definitions of the codebook version their exercise was set with", async ({ browser }) => {
    const { context, page } = await signedIn(browser, "trainee1@coflex.test");
    const coding = new CodingPage(page);

    // The new exercise was set after version 2: its coding popover shows the edited definition.
    await coding.open(exerciseId);
    await coding.goToTurn(1);
    await page.keyboard.press("2");
    await expect(coding.popover).toBeVisible();
    await page.keyboard.press("i");
    await expect(coding.popover).toContainText(NEW_DEFINITION);
    await expect(coding.popover.getByLabel("Process (optional)").getByRole("option")).toHaveText(["— Cognitive fusion (default) —", "Thoughts as literal truths", "Rigid rules", "Perfectionism"]);
    await shoot(page, "setup-coding-definition");
    await page.keyboard.press("Escape");
    await expect(coding.popover).toBeHidden();

    // The demo exercise was set with version 1 and keeps its wording.
    await coding.openFromHome(DEMO_EXERCISE);
    await coding.goToTurn(1);
    await page.keyboard.press("2");
    await page.keyboard.press("i");
    await expect(coding.popover).toContainText(OLD_DEFINITION);
    await expect(coding.popover.getByLabel("Process (optional)").getByRole("option", { name: "Reason-giving" })).toHaveCount(1);
    await page.keyboard.press("Escape");
    await context.close();

    // Leave the demo transcript unlocked for whatever runs next: a blind exercise in progress locks its text.
    const supervisor = await signedIn(browser, "supervisor@coflex.test");
    expect((await supervisor.page.request.post(`/api/exercises/${exerciseId}/reveal`)).status()).toBe(200);
    await supervisor.context.close();
  });

  test("from the home page the form asks for the transcript first, and a trainee is told who sets exercises up", async ({ browser }) => {
    const { context, page } = await signedIn(browser, "supervisor@coflex.test");
    await shoot(page, "setup-home", true);
    await page.getByRole("link", { name: "New exercise" }).click();
    const setup = new SetupExercisePage(page);
    await expect(setup.heading).toBeVisible();
    await expect(page.getByText("Choose a transcript first: coders come from its cohort.")).toBeVisible();
    await expect(setup.title).toHaveValue("");
    await page.getByRole("combobox", { name: /^Transcript/ }).selectOption({ label: "Demo session — thesis avoidance (synthetic) (52 turns · Demo cohort)" });
    await expect(setup.title).toHaveValue("Demo session — thesis avoidance (synthetic) — Blind");
    // The demo cohort holds a term's class: twelve trainees.
    await page.getByRole("button", { name: "Select all trainees (12)" }).click();
    await expect(setup.coder("Tara Nguyen")).toBeChecked();
    await expect(setup.coder("Theo Brandt")).toBeChecked();
    await expect(setup.coder("Dana Okafor")).not.toBeChecked();
    await shoot(page, "setup-from-home");
    await context.close();

    const trainee = await signedIn(browser, "trainee2@coflex.test");
    await expect(trainee.page.getByRole("link", { name: "New exercise" })).toHaveCount(0);
    await trainee.page.goto("/exercises/new");
    await expect(trainee.page.getByText("Only supervisors and instructors set up exercises.")).toBeVisible();
    const refused = await trainee.page.request.post("/api/exercises", { data: { transcriptId: "x", title: "t", mode: "open", coderIds: ["y"] } });
    expect(refused.status()).toBe(404);
    await trainee.context.close();
  });
});
