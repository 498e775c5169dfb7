import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/SignInPage";
import { demoIds, signedInContext } from "./pages/tour";

test("an instructor removes a member and the member's open transcript socket is cut at once; the last instructor stays", async ({ browser }) => {
  const { context: staff, page: admin } = await signedInContext(browser, "instructor");
  const ids = await demoIds(admin);
  const email = `removed-${Date.now()}@coflex.test`;
  const password = "a-long-initial-password";

  // A new trainee, signed in with the transcript open (a live, read-only socket).
  await admin.goto(`/cohorts/${ids.cohortId}`);
  await admin.getByLabel("Name").fill("Rhea Removed");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Initial password").fill(password);
  await admin.getByRole("button", { name: "Add member" }).click();
  await expect(admin.getByRole("status")).toContainText("Account created");

  const member = await browser.newContext();
  const page = await member.newPage();
  await new SignInPage(page).signIn(email, password);
  await page.goto(`/transcripts/${ids.transcriptId}`);
  await expect(page.getByTestId("save-status")).toHaveText("Read only · live");

  // Change the role, then remove: the member's page loses the transcript without a reload.
  const row = admin.getByRole("listitem").filter({ hasText: email });
  await row.getByLabel("Role of Rhea Removed").selectOption("supervisor");
  await expect(admin.getByRole("status").filter({ hasText: "Rhea Removed is now supervisor." })).toBeVisible();
  await expect(row.getByLabel("Role of Rhea Removed")).toHaveValue("supervisor");
  await row.getByRole("button", { name: /Remove Rhea Removed/ }).click();
  await admin.getByRole("button", { name: "Remove now" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Rhea Removed was removed from the cohort." })).toBeVisible();
  await expect(admin.getByRole("listitem").filter({ hasText: email })).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText("No access to this transcript", { timeout: 5_000 });

  // The only instructor cannot remove themselves or step down.
  const self = admin.getByRole("listitem").filter({ hasText: "(you)" });
  await self.getByRole("button", { name: /Remove/ }).click();
  await admin.getByRole("button", { name: "Remove now" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "A cohort needs at least one instructor" })).toBeVisible();
  await expect(self).toBeVisible();

  await member.close();
  await staff.close();
});
