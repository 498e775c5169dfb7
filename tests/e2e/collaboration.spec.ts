import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/SignInPage";
import { TranscriptPage } from "./pages/TranscriptPage";

const DEMO_TITLE = /thesis avoidance/i;

test("an unsigned visit to a page is sent to sign-in and comes back after signing in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
  await expect(page.getByRole("heading", { name: "Sign in to Coflex" })).toBeVisible();
});

test("a wrong password gets a plain message and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("trainee2@coflex.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("repeated failed sign-ins for one account are throttled with a message that says when to try again", async ({ page }) => {
  const email = `nobody-${Date.now()}@coflex.test`;
  await page.goto("/signin");
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  }
  await page.getByLabel("Password").fill("wrong-again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Too many failed sign-ins\. Try again in \d+ minutes?\./ })).toBeVisible();
});

test("the supervisor's typing appears live for the trainee with the supervisor's named caret, and survives a reload", async ({ browser }) => {
  const supervisorContext = await browser.newContext();
  const traineeContext = await browser.newContext();
  const supervisor = new TranscriptPage(await supervisorContext.newPage());
  const trainee = new TranscriptPage(await traineeContext.newPage());

  await new SignInPage(supervisor.page).signIn("supervisor@coflex.test");
  await new SignInPage(trainee.page).signIn("trainee1@coflex.test");
  await supervisor.openFromHome(DEMO_TITLE);
  await trainee.openFromHome(DEMO_TITLE);
  await expect(supervisor.status).toHaveText("Saved ✓");
  await expect(trainee.status).toHaveText(/Read only/);

  const marker = ` [live-${Date.now()}]`;
  await supervisor.typeAtEndOfTurn(0, marker);
  await expect(trainee.turnText(0)).toContainText(marker.trim(), { timeout: 5_000 });
  await expect(trainee.page.locator(".collaboration-carets__label")).toHaveText("Dana Okafor");
  await expect(trainee.presence.locator('[data-name="Dana Okafor"]')).toBeVisible();
  await expect(supervisor.status).toHaveText("Saved ✓");

  // The trainee may read but not write: the editor refuses input.
  await expect(trainee.editor).toHaveAttribute("contenteditable", "false");

  await supervisor.page.reload();
  await expect(supervisor.turnText(0)).toContainText(marker.trim());

  await supervisorContext.close();
  await traineeContext.close();
});
