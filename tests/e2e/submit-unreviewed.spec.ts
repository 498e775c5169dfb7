import { expect, test } from "@playwright/test";
import { CodingPage } from "./pages/CodingPage";
import { SignInPage } from "./pages/SignInPage";

/** Set COFLEX_SHOTS=/tmp/shots to keep screenshots of the pages for a person to look at. */
const SHOTS = process.env.COFLEX_SHOTS;
const IN_PROGRESS = /Week 5 — grief and values/;

interface ApiExercise {
  id: string;
  title: string;
  coders: Array<{ id: string; name: string; submitted: boolean; unreviewed: { choice: string; count: number } | null }>;
}

test("submitting with client turns not looked at asks what to do with them, and stores the answer", async ({ page }) => {
  // Amara (trainee3) is partway through the demo's in-progress blind exercise.
  await new SignInPage(page).signIn("trainee3@coflex.test");
  const list = (await (await page.request.get("/api/exercises")).json()) as ApiExercise[];
  const exercise = list.find((e) => IN_PROGRESS.test(e.title));
  if (!exercise) throw new Error("the demo's in-progress exercise is missing");
  const coding = new CodingPage(page);
  await coding.open(exercise.id);

  const progress = page.getByTestId("reviewed-progress");
  await expect(progress).toHaveText(/^\s*\d+ of \d+ client turns reviewed\s*$/);
  const [, looked, total] = /(\d+) of (\d+)/.exec((await progress.textContent()) ?? "")!.map(Number) as [number, number, number];
  expect(looked).toBeGreaterThan(0);
  expect(looked).toBeLessThan(total);
  const remaining = total - looked;

  await page.getByRole("button", { name: "Submit…" }).click();
  const question = page.getByTestId("unreviewed-question");
  await expect(question).toContainText(`Mark the remaining ${remaining} client turns as reviewed with no code, or leave them as not looked at?`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/submit-unreviewed-1280.png` });
  await page.getByRole("button", { name: "Mark reviewed, no code" }).click();
  await expect(coding.exerciseState).toContainText("Submitted");

  const me = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
  const after = (await (await page.request.get(`/api/exercises/${exercise.id}`)).json()) as ApiExercise;
  expect(after.coders.find((c) => c.id === me.user.id)).toMatchObject({ submitted: true, unreviewed: { choice: "reviewed", count: remaining } });
  await expect(progress).toHaveText(new RegExp(`${total} of ${total} client turns reviewed`));
});
