import { type Page, expect, test } from "@playwright/test";
import { SignInPage } from "./pages/SignInPage";

/**
 * Every main page under the CSP: zero violations reported (securitypolicyviolation events and console
 * errors), with the headers the issue asks for on pages and on API answers that carry transcript text.
 */
declare global {
  interface Window {
    __cspViolations: string[];
  }
}

async function watchViolations(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy|Refused to (load|execute|apply|connect)/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return console;
}

async function violations(page: Page, console: string[]): Promise<string[]> {
  return [...(await page.evaluate(() => window.__cspViolations ?? [])), ...console];
}

test("the main pages run under a nonce CSP without a single violation, and send the security headers", async ({ page }) => {
  test.setTimeout(120_000);
  const consoleViolations = await watchViolations(page);

  const signin = await page.goto("/signin");
  const csp = signin?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
  expect(signin?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(signin?.headers()["referrer-policy"]).toBe("same-origin");
  expect(signin?.headers()["permissions-policy"]).toContain("camera=()");
  // Plain http here: no HSTS (it is sent when NEXTAUTH_URL is https).
  expect(signin?.headers()["strict-transport-security"]).toBeUndefined();
  const again = await page.request.get("/signin");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);

  await new SignInPage(page).signIn("instructor@coflex.test");
  const transcripts = (await (await page.request.get("/api/transcripts")).json()) as Array<{ id: string }>;
  const exercises = (await (await page.request.get("/api/exercises")).json()) as Array<{ id: string }>;
  const cohortHref = await page.locator('a[href^="/cohorts/"]').first().getAttribute("href");
  const cohort = cohortHref?.split("/")[2] ?? "";
  expect(transcripts.length).toBeGreaterThan(0);
  expect(exercises.length).toBeGreaterThan(0);
  const transcriptId = transcripts[0]?.id ?? "";
  const exerciseId = exercises[0]?.id ?? "";

  const pages: Array<[string, RegExp | string]> = [
    ["/", /Welcome/],
    [`/transcripts/${transcriptId}`, ".turn"],
    [`/exercises/${exerciseId}`, ".turn"],
    [`/exercises/${exerciseId}/agreement`, "main"],
    [`/exercises/${exerciseId}/review`, "main"],
    [`/cohorts/${cohort}/progress`, "main"],
    [`/cohorts/${cohort}/codebook`, "main"],
    [`/cohorts/${cohort}`, "main"],
    ["/transcripts/import", "main"],
    ["/exercises/new", "main"],
  ];
  for (const [path, ready] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    if (typeof ready === "string") await expect(page.locator(ready).first(), path).toBeVisible();
    else await expect(page.getByRole("heading", { name: ready }), path).toBeVisible();
    // Hydration ran (React attaches its root) — a blocked script would leave the page inert.
    await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith("__react")) || document.querySelector("[data-hydrated]") !== null || Boolean((window as unknown as { next?: unknown }).next)), { message: path }).toBe(true);
    expect(await violations(page, consoleViolations), path).toEqual([]);
  }

  // The live editor works under the CSP: its WebSocket connected and the caret CSS loaded.
  await page.goto(`/transcripts/${transcriptId}`);
  await expect(page.locator(".ProseMirror")).toHaveCSS("white-space", /pre-wrap|break-spaces/);
  expect(await violations(page, consoleViolations)).toEqual([]);

  const api = await page.request.get(`/api/transcripts/${transcriptId}`);
  expect(api.headers()["cache-control"]).toBe("no-store");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await page.request.get("/api/transcripts")).headers()["cache-control"]).toBe("no-store");
  expect((await page.request.get(`/api/exercises/${exerciseId}`)).headers()["cache-control"]).toBe("no-store");
});

test("a page cannot be framed by another site", async ({ page, baseURL }) => {
  await page.route("http://framer.test/", (route) => route.fulfill({ contentType: "text/html", body: `<iframe src="${baseURL}/signin" width="600" height="400"></iframe>` }));
  await page.goto("http://framer.test/");
  // Chromium refuses the framed response (frame-ancestors 'none', X-Frame-Options DENY) and shows its error page instead.
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
  const child = page.frames().find((f) => f !== page.mainFrame());
  expect(await child?.locator("input[type=password]").count()).toBe(0);
});
