import { expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_PASSWORD, SignInPage } from "./pages/SignInPage";

/**
 * Against the real server: a script signs in exactly as CONTRACTS §3 describes and uses the API with the
 * cookie; the same cookie sent with another site's Origin, or with a text/plain body, is refused.
 */
test("a script signs in through next-auth's form routes and may import, while a foreign origin or a text/plain body is refused", async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "instructor@coflex.test", password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBeLessThan(400);
  const session = (await (await api.get("/api/auth/session")).json()) as { user?: { email: string } };
  expect(session.user?.email).toBe("instructor@coflex.test");

  const text = "Therapist: What do you notice?\nClient: My shoulders are tight.";
  const foreign = await api.post("/api/transcripts", { data: { title: "From evil", text }, headers: { origin: "http://evil.example" } });
  expect(foreign.status()).toBe(403);
  const samesite = await api.post("/api/transcripts", { data: { title: "From another port", text }, headers: { origin: new URL(baseURL ?? "").origin.replace(/:\d+$/, ":1") } });
  expect(samesite.status()).toBe(403);
  const plain = await api.post("/api/transcripts", { data: JSON.stringify({ title: "Plain", text }), headers: { "content-type": "text/plain" } });
  expect(plain.status()).toBe(415);
  const own = await api.post("/api/transcripts", { data: { title: `Script import ${Date.now()}`, text }, headers: { origin: new URL(baseURL ?? "").origin } });
  expect(own.status()).toBe(201);

  // next-auth's own POST routes follow the same Origin rule.
  const foreignSignIn = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "instructor@coflex.test", password: DEMO_PASSWORD },
    headers: { origin: "http://evil.example" },
    maxRedirects: 0,
  });
  expect(foreignSignIn.status()).toBe(403);
  await api.dispose();
});

test("a cross-site HTML form posting text/plain JSON with the victim's cookie creates nothing", async ({ page, baseURL }) => {
  await new SignInPage(page).signIn("instructor@coflex.test");
  const before = ((await (await page.request.get("/api/transcripts")).json()) as unknown[]).length;
  // The attack from the issue: a page on another port of the same host (same-site, so the Lax session
  // cookie rides along) auto-submits a form whose text/plain body happens to be valid JSON.
  const attacker = `http://${new URL(baseURL ?? "").hostname}:1/attack.html`;
  await page.route(attacker, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" enctype="text/plain" action="${baseURL}/api/transcripts"><input name='{"title":"pwned","text":"Therapist: a' value='b"}'></form><script>document.forms[0].submit()</script>`,
    }),
  );
  const posted = page.waitForResponse((res) => res.url().endsWith("/api/transcripts") && res.request().method() === "POST");
  await page.goto(attacker);
  expect((await posted).status()).toBe(403);
  const after = ((await (await page.request.get("/api/transcripts")).json()) as unknown[]).length;
  expect(after).toBe(before);
});
