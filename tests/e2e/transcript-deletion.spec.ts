import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/SignInPage";

test("an instructor deletes a transcript from its page: it leaves the list and its API answers 404", async ({ page }) => {
  await new SignInPage(page).signIn("instructor@coflex.test");
  const title = `Deletion check ${Date.now()}`;
  const created = await page.request.post("/api/transcripts", {
    data: { title, text: "Therapist: What shows up right now?\nClient: A knot in my stomach." },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/transcripts/${id}`);
  await expect(page.locator(".turn").first()).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept("DELETE"));
  await page.getByRole("button", { name: "Delete transcript" }).click();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await page.request.get(`/api/transcripts/${id}`)).status()).toBe(404);
});

test("a supervisor is not offered deletion, and the API refuses it like a missing transcript", async ({ page }) => {
  await new SignInPage(page).signIn("supervisor@coflex.test");
  const created = await page.request.post("/api/transcripts", { data: { title: `Kept ${Date.now()}`, text: "Therapist: Hello.\nClient: Hi." } });
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/transcripts/${id}`);
  await expect(page.locator(".turn").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete transcript" })).toHaveCount(0);
  expect((await page.request.delete(`/api/transcripts/${id}`)).status()).toBe(404);
  expect((await page.request.get(`/api/transcripts/${id}`)).status()).toBe(200);
});
