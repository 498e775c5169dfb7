import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demoIds, signedInContext } from "./pages/tour";

test("the audit trail names what was touched, filters by action, person and date, and exports what it shows as CSV", async ({ browser }) => {
  const { context, page } = await signedInContext(browser, "instructor");
  const ids = await demoIds(page);
  // Something to find: the supervisor opens the transcript (a view by another person).
  const other = await signedInContext(browser, "supervisor");
  await other.page.goto(`/transcripts/${ids.transcriptId}`);
  await expect(other.page.locator(".turn").first()).toBeVisible();
  await other.context.close();

  await page.goto(`/cohorts/${ids.cohortId}/audit`);
  // Reading the trail is itself recorded: the second visit can filter by it.
  await page.reload();
  const table = page.getByTestId("audit-table");
  await expect(table).toBeVisible();
  // Titles and names, not raw ids.
  await expect(table).toContainText("Transcript “Demo session");
  await expect(table).not.toContainText(/(transcript|cohort):[0-9a-f-]{36}/);

  await page.getByLabel("Action").selectOption("audit.view");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=audit\.view/);
  const actions = table.locator("tbody tr td:nth-child(4)");
  await expect(actions.first()).toHaveText("audit.view");
  expect(new Set(await actions.allTextContents())).toEqual(new Set(["audit.view"]));

  await page.getByLabel("Action").selectOption("");
  await page.getByLabel("Person").selectOption({ label: "Dana Okafor" });
  await page.getByRole("button", { name: "Filter" }).click();
  const people = table.locator("tbody tr td:nth-child(2)");
  await expect(people.first()).toHaveText("Dana Okafor");
  expect(new Set(await people.allTextContents())).toEqual(new Set(["Dana Okafor"]));

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("when_utc,person,role,action,resource,resource_id,outcome");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line.split(",")[1]).toBe("Dana Okafor");

  await page.getByLabel("Person").selectOption("");
  await page.getByLabel("From (UTC)").fill("2000-01-01");
  await page.getByLabel("To (UTC, inclusive)").fill("2000-01-02");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("audit-empty")).toHaveText("Nothing matches these filters.");
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(table).toBeVisible();
  await context.close();
});
