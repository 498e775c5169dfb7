import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { ImportPage } from "./pages/ImportPage";
import { SignInPage } from "./pages/SignInPage";

const FIXTURES = path.join(process.cwd(), "tests/fixtures/import");
const VOICE_TAGS = path.join(FIXTURES, "voice-tags.vtt");
const SHOTS = process.env.COFLEX_SHOTS_DIR ?? "/tmp/shots";

/** voice-tags.vtt plus three cues that name people, a place, a date, a phone number and an email (all invented). */
const NAMED_VTT = `${readFileSync(VOICE_TAGS, "utf8").trimEnd()}

00:00:24.000 --> 00:00:29.000
<v Client>My sister Maria Lopez rang me from Leeds on 12 March 2024.</v>

00:00:29.500 --> 00:00:33.000
<v Therapist>What did Maria want?</v>

00:00:33.500 --> 00:00:38.000
<v Client>She wants me to call her back on 07700 900123, or to write to maria.lopez@example.com. Jo at work says I should.</v>
`;

interface StoredTurn {
  speaker: string;
  role: string;
  start: number | null;
  text: string;
}

async function transcriptCount(request: APIRequestContext): Promise<number> {
  const res = await request.get("/api/transcripts");
  expect(res.status()).toBe(200);
  return ((await res.json()) as unknown[]).length;
}

async function storedTurns(request: APIRequestContext, id: string): Promise<StoredTurn[]> {
  const res = await request.get(`/api/transcripts/${id}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { turns: StoredTurn[] }).turns;
}

function idFromUrl(url: string): string {
  const id = url.split("/").pop();
  if (!id) throw new Error(`no transcript id in ${url}`);
  return id;
}

test("a supervisor imports voice-tags.vtt from the home page, maps the speakers and opens the new transcript", async ({ page }) => {
  await new SignInPage(page).signIn("supervisor@coflex.test");
  await page.getByRole("link", { name: "Import a transcript" }).click();
  const importer = new ImportPage(page);
  await expect(page.getByRole("heading", { name: "Import a transcript" })).toBeVisible();

  await importer.choose(VOICE_TAGS);
  await expect(importer.title).toHaveValue("voice-tags");
  const title = `Exam dream session ${Date.now()}`;
  await importer.title.fill(title);
  // Hold the preview's answer back a moment to see the progress the page shows meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/transcripts/preview", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status")).toContainText(/Uploading the transcript|Reading the transcript/);
  await expect(page.getByRole("button", { name: "Reading…" })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/import-progress.png` });
  release();
  await expect(importer.reviewHeading).toBeFocused();
  await page.unroute("**/api/transcripts/preview");

  await expect(page.getByText("Read as WebVTT subtitles: 6 turns, 2 speakers.")).toBeVisible();
  await expect(importer.role("Therapist")).toHaveValue("therapist");
  await expect(importer.role("Client")).toHaveValue("client");
  await expect(page.getByText(/No names, places, dates or contact details were found/)).toBeVisible();
  const turns = page.getByRole("list", { name: "First turns of the transcript" }).getByRole("listitem");
  await expect(turns).toHaveCount(6);
  await expect(turns.first()).toContainText("Hi, come on in.");

  // The reviewer's mapping: the second speaker is shown under a name of their choosing.
  await importer.shownAs("Client").fill("Client A");
  await expect(turns.nth(1)).toContainText("Client A");

  await importer.confirmAndImport();
  const id = idFromUrl(page.url());
  await expect(page.locator(".turn")).toHaveCount(6);
  await expect(page.locator(".turn .turn-text").first()).toHaveText("Hi, come on in. How are you doing today?");

  const stored = await storedTurns(page.request, id);
  expect(stored.map((t) => [t.speaker, t.role])).toEqual([
    ["Therapist", "therapist"],
    ["Client A", "client"],
    ["Therapist", "therapist"],
    ["Client A", "client"],
    ["Therapist", "therapist"],
    ["Client A", "client"],
  ]);
  expect(stored[3]?.text).toBe("That I'd failed <everything> and everyone knew.");

  await page.goto("/");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("the de-identification the supervisor confirms is what is stored: pseudonyms in, originals out, a rejected candidate kept", async ({ page }) => {
  await new SignInPage(page).signIn("supervisor@coflex.test");
  const importer = new ImportPage(page);
  await importer.open();
  await importer.choose({ name: "voice-tags-named.vtt", mimeType: "text/vtt", buffer: Buffer.from(NAMED_VTT, "utf8") });
  await importer.title.fill(`Session with names ${Date.now()}`);
  await importer.preview();

  // Every candidate is pre-accepted and listed, grouped under the pseudonym it would become.
  await expect(page.getByText(/Coflex found 1 name, 1 place, 1 date, 1 phone number and 1 email address that could identify someone, mentioned 6 times/)).toBeVisible();
  await expect(importer.replace("Maria Lopez, Maria")).toBeChecked();
  await expect(importer.pseudonym("Maria Lopez, Maria")).toHaveValue("[PERSON-1]");
  await expect(importer.replace("12 March 2024")).toBeChecked();
  await expect(importer.replace("07700 900123")).toBeChecked();
  await expect(importer.replace("Leeds")).toBeChecked();

  // The detector missed "Jo": adding it runs the detector again over every turn.
  await importer.addMissedName("Jo");
  await expect(importer.replace("Jo")).toBeChecked();
  await expect(importer.pseudonym("Jo")).toHaveValue("[PERSON-2]");

  // Edit one pseudonym, reject one candidate (a city the team decides to keep).
  await importer.pseudonym("Maria Lopez, Maria").fill("[SISTER]");
  await importer.replace("Leeds").uncheck();
  const turns = page.getByRole("list", { name: "First turns of the transcript" }).getByRole("listitem");
  await expect(turns.nth(5)).toContainText("My sister [SISTER] rang me from Leeds on [DATE].");
  await expect(turns.nth(5)).not.toContainText("Maria");

  await page.getByRole("heading", { name: "Speakers" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/import-review.png`, fullPage: true });
  await importer.identifiers.screenshot({ path: `${SHOTS}/import-identifiers.png` });

  await importer.confirmAndImport();
  const id = idFromUrl(page.url());
  await expect(page.locator(".turn")).toHaveCount(8);
  const shown = page.locator(".transcript");
  await expect(shown).toContainText("My sister [SISTER] rang me from Leeds on [DATE].");
  await expect(shown).toContainText("What did [SISTER] want?");
  await expect(shown).toContainText("call her back on [PHONE], or to write to [EMAIL]. [PERSON-2] at work says I should.");
  await expect(shown).not.toContainText("Maria");
  await expect(shown).not.toContainText("07700");
  await expect(shown).not.toContainText("example.com");

  const stored = (await storedTurns(page.request, id)).map((t) => t.text).join("\n");
  expect(stored).not.toMatch(/Maria|Lopez|07700 900123|maria\.lopez@example\.com|\bJo\b|12 March 2024/);
  expect(stored).toContain("Leeds");
});

test("speakers named in the file are mapped to roles and stored under their role, not their name", async ({ page }) => {
  await new SignInPage(page).signIn("supervisor@coflex.test");
  const importer = new ImportPage(page);
  await importer.open();
  await importer.choose(path.join(FIXTURES, "names-stamps.txt"));
  await importer.preview();

  // Names are not role words: no role is guessed, and the page says what is missing.
  await expect(importer.role("Dana")).toHaveValue("other");
  await expect(importer.role("Sam")).toHaveValue("other");
  await expect(page.getByText(/No speaker is marked as the therapist or the client yet/)).toBeVisible();
  await expect(importer.shownAs("Dana")).toHaveValue("Speaker 1");

  await importer.role("Dana").selectOption("therapist");
  await importer.settled();
  await importer.role("Sam").selectOption("client");
  await importer.settled();
  await expect(page.getByText(/No speaker is marked/)).toHaveCount(0);
  await expect(importer.shownAs("Dana")).toHaveValue("Therapist");
  await expect(importer.shownAs("Sam")).toHaveValue("Client");
  await page.getByRole("heading", { name: "Speakers" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/import-speakers.png` });
  // An emptied field falls back to the proposal; it never brings the name in the file back.
  await importer.shownAs("Dana").fill("");
  await expect(importer.shownAs("Dana")).toHaveAttribute("placeholder", "Therapist");

  await importer.confirmAndImport();
  const stored = await storedTurns(page.request, idFromUrl(page.url()));
  expect(stored.map((t) => `${t.speaker}/${t.role}`)).toEqual(["Therapist/therapist", "Client/client", "Therapist/therapist", "Client/client", "Therapist/therapist", "Client/client"]);
  expect(stored.map((t) => t.start)).toEqual([5, 12, 40, 62, 80, 95]);
});

test("a named client beside the therapist is the client: their names and short forms become [CLIENT], the therapist's [THERAPIST], an employer [ORG-1]; the review scrolls into view", async ({ page }) => {
  await new SignInPage(page).signIn("supervisor@coflex.test");
  const importer = new ImportPage(page);
  await importer.open();
  await page.getByLabel("Paste the text").check();
  await page.getByLabel(/^Transcript text/).fill(
    [
      "Dr. Lena Hartmann: Welcome back, Jonas. How were the shifts at Siemens this week?",
      "Jonas Weber: My foreman calls me Mr Weber now. Jonas W. the slacker, he says.",
      "Dr. Lena Hartmann: And Jonas's own voice?",
      "Jonas Weber: Honestly, Lena, it agrees with him.",
    ].join("\n"),
  );
  await importer.title.fill(`Named speakers ${Date.now()}`);
  await importer.preview();
  // The results are brought into view, not left below the fold.
  await expect(importer.reviewHeading).toBeInViewport();

  await expect(importer.role("Jonas Weber")).toHaveValue("client");
  await expect(importer.role("Dr. Lena Hartmann")).toHaveValue("therapist");
  await expect(importer.pseudonym("Jonas, Mr Weber, Jonas W.")).toHaveValue("[CLIENT]");
  await expect(importer.pseudonym("Lena")).toHaveValue("[THERAPIST]");
  await expect(importer.pseudonym("Siemens")).toHaveValue("[ORG-1]");

  await importer.confirmAndImport();
  const stored = (await storedTurns(page.request, idFromUrl(page.url()))).map((t) => `${t.speaker}: ${t.text}`);
  expect(stored).toEqual([
    "Therapist: Welcome back, [CLIENT]. How were the shifts at [ORG-1] this week?",
    "Client: My foreman calls me [CLIENT] now. [CLIENT] the slacker, he says.",
    "Therapist: And [CLIENT]'s own voice?",
    "Client: Honestly, [THERAPIST], it agrees with him.",
  ]);
});

test("a trainee is told they cannot import, and the API refuses them and stores nothing", async ({ page }) => {
  await new SignInPage(page).signIn("trainee1@coflex.test");
  await expect(page.getByRole("link", { name: "Import a transcript" })).toHaveCount(0);
  await page.goto("/transcripts/import");
  await expect(page.getByText("Only supervisors and instructors can import transcripts.")).toBeVisible();
  await expect(page.getByLabel(/^Transcript file/)).toHaveCount(0);

  const before = await transcriptCount(page.request);
  const file = { name: "voice-tags.vtt", mimeType: "text/vtt", buffer: readFileSync(VOICE_TAGS) };
  for (const url of ["/api/transcripts", "/api/transcripts/preview"]) {
    const res = await page.request.post(url, { multipart: { file, title: "Not allowed" } });
    expect([403, 404]).toContain(res.status());
    expect(typeof ((await res.json()) as { error?: unknown }).error).toBe("string");
  }
  const json = await page.request.post("/api/transcripts", { data: { title: "Not allowed", text: "Therapist: Hello.\nClient: Hi." } });
  expect([403, 404]).toContain(json.status());
  expect(await transcriptCount(page.request)).toBe(before);
});

test("a bad upload gets a 4xx with a plain {error}, the page shows it, and nothing is stored", async ({ page }) => {
  await new SignInPage(page).signIn("supervisor@coflex.test");
  const before = await transcriptCount(page.request);
  const binary = { name: "binary.txt", mimeType: "text/plain", buffer: readFileSync(path.join(FIXTURES, "binary.txt")) };

  const res = await page.request.post("/api/transcripts", { multipart: { file: binary, title: "Binary" } });
  expect(res.status()).toBe(400);
  const { error } = (await res.json()) as { error: string };
  expect(error).toMatch(/\w/);
  expect(error).not.toMatch(/stack|TypeError|at \w+ \(/);

  const unsupported = await page.request.post("/api/transcripts", { multipart: { file: { name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") }, title: "PDF" } });
  expect(unsupported.status()).toBe(400);
  expect(((await unsupported.json()) as { error: string }).error).toContain(".txt, .vtt, .srt, .csv or .docx");

  const huge = await page.request.post("/api/transcripts", {
    multipart: { file: { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(6 * 1024 * 1024, "Therapist: hello\n") }, title: "Huge" },
  });
  expect(huge.status()).toBe(413);
  expect(((await huge.json()) as { error: string }).error).toMatch(/larger than 5 MB/);

  // A replacement that no longer matches the text (a stale review) is refused, not half-applied.
  const stale = await page.request.post("/api/transcripts", {
    multipart: {
      file: { name: "voice-tags.vtt", mimeType: "text/vtt", buffer: readFileSync(VOICE_TAGS) },
      title: "Stale review",
      replacements: JSON.stringify([{ turnIndex: 0, start: 0, end: 2, text: "Yo", proposal: "[PERSON-1]" }]),
    },
  });
  expect(stale.status()).toBe(400);
  expect(((await stale.json()) as { error: string }).error).toMatch(/Preview the transcript again/);

  expect(await transcriptCount(page.request)).toBe(before);

  // The same file through the page: the parser's message, in words, where the Preview button is.
  const importer = new ImportPage(page);
  await importer.open();
  await importer.choose(path.join(FIXTURES, "binary.txt"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: error })).toBeVisible();
  await expect(importer.reviewHeading).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/import-error.png` });
  expect(await transcriptCount(page.request)).toBe(before);
});

test("JSON {title, text} still imports, with roles and replacements applied", async ({ page }) => {
  await new SignInPage(page).signIn("supervisor@coflex.test");
  const res = await page.request.post("/api/transcripts", {
    data: {
      title: `Pasted ${Date.now()}`,
      text: "Dana: How was the week?\nSam: I saw Priya on Monday.",
      roles: { Dana: "therapist", Sam: "client" },
      speakerLabels: { Dana: "Therapist", Sam: "Client" },
      replacements: [{ turnIndex: 1, start: 6, end: 11, text: "Priya", proposal: "[PERSON-1]" }],
    },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect(await storedTurns(page.request, id)).toEqual([
    expect.objectContaining({ speaker: "Therapist", role: "therapist", text: "How was the week?" }),
    expect.objectContaining({ speaker: "Client", role: "client", text: "I saw [PERSON-1] on Monday." }),
  ]);
});
