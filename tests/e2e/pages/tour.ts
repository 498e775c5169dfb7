import { type Browser, type BrowserContext, type Page, expect } from "@playwright/test";
import { SignInPage } from "./SignInPage";

/** The demo accounts, one per role (lib/db/seed.ts). */
export const ROLES = {
  instructor: "instructor@coflex.test",
  supervisor: "supervisor@coflex.test",
  trainee: "trainee1@coflex.test",
} as const;
export type Role = keyof typeof ROLES;

export const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

export interface Stop {
  name: string;
  path: string;
  /** Something on the page that shows it finished loading. */
  ready: (page: Page) => Promise<void>;
}

interface Ids {
  cohortId: string;
  exerciseId: string;
  transcriptId: string;
}

export async function signedInContext(browser: Browser, role: Role, viewport: { width: number; height: number } = VIEWPORTS[0]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(ROLES[role]);
  return { context, page };
}

/** The seeded cohort (from the home page's codebook link), the open demo exercise and its transcript. */
export async function demoIds(page: Page): Promise<Ids> {
  const list = (await (await page.request.get("/api/exercises")).json()) as Array<{ id: string; title: string; transcriptId: string }>;
  const demo = list.find((e) => /Open co-coding: thesis avoidance/.test(e.title));
  if (!demo) throw new Error("the demo exercise is missing");
  await page.goto("/");
  const href = await page.locator('a[href^="/cohorts/"][href$="/codebook"]').first().getAttribute("href");
  const cohortId = /^\/cohorts\/([^/]+)\/codebook$/.exec(href ?? "")?.[1];
  if (!cohortId) throw new Error("the demo cohort is missing from the home page");
  return { cohortId, exerciseId: demo.id, transcriptId: demo.transcriptId };
}

/** The page's own heading — not the not-found or forbidden page's. */
const pageHeading = async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator(".error-page")).toHaveCount(0);
};
const codingReady = async (page: Page) => {
  await expect(page.locator(".turn").nth(3)).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText(/Saved|Watching|read only/);
};

/** Every page a role can open, with the demo's ids. */
export function stopsFor(role: Role, ids: Ids): Stop[] {
  const common: Stop[] = [
    { name: "home", path: "/", ready: pageHeading },
    { name: "coding", path: `/exercises/${ids.exerciseId}`, ready: codingReady },
    { name: "codebook", path: `/cohorts/${ids.cohortId}/codebook`, ready: pageHeading },
    { name: "progress", path: `/cohorts/${ids.cohortId}/progress`, ready: pageHeading },
    { name: "agreement", path: `/exercises/${ids.exerciseId}/agreement`, ready: pageHeading },
    { name: "review", path: `/exercises/${ids.exerciseId}/review`, ready: pageHeading },
  ];
  common.push({ name: "transcript", path: `/transcripts/${ids.transcriptId}`, ready: async (page) => expect(page.locator(".turn").nth(3)).toBeVisible() });
  if (role === "trainee") return common;
  const staff: Stop[] = [
    { name: "import", path: "/transcripts/import", ready: pageHeading },
    { name: "new-exercise", path: "/exercises/new", ready: pageHeading },
  ];
  if (role === "supervisor") return [...common, ...staff];
  return [
    ...common,
    ...staff,
    { name: "members", path: `/cohorts/${ids.cohortId}`, ready: pageHeading },
    { name: "audit", path: `/cohorts/${ids.cohortId}/audit`, ready: pageHeading },
  ];
}
