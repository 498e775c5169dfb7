import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every route file under app/api, found on disk (so a route added tomorrow is covered without editing this
 * file), and every state-changing method it exports: a foreign origin gets 403 and a text/plain body 415,
 * before the handler runs. The modules are imported by computed path: the lint rule "nothing imports
 * app/" is about code depending on pages; this test exists to inspect them.
 */
const repoRoot = path.resolve(import.meta.dirname, "../..");
const apiDir = path.join(repoRoot, "app/api");
const HOST = "coflex.test:3000";
const SELF = `http://${HOST}`;
const HTTP_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]);
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(): string[] {
  return (readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts" || path.basename(f) === "route.tsx").sort();
}

/** app/api/exercises/[id]/submit/route.ts → /api/exercises/x/submit and its params {id: "x"}. */
function urlAndParams(file: string): { url: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = path
    .dirname(file)
    .split(path.sep)
    .map((segment) => {
      const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(segment);
      if (catchAll?.[1]) {
        params[catchAll[1]] = ["callback", "credentials"];
        return "callback/credentials";
      }
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (dynamic?.[1]) {
        params[dynamic[1]] = "00000000-0000-4000-8000-000000000000";
        return "00000000-0000-4000-8000-000000000000";
      }
      return segment;
    });
  return { url: `${SELF}/api/${segments.join("/")}`, params };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

async function load(file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(path.join(apiDir, file)).href)) as Record<string, unknown>;
}

function handlerOf(mod: Record<string, unknown>, method: string): Handler {
  const handler = mod[method];
  if (typeof handler !== "function") throw new Error(`${method} is not a function`);
  return handler as Handler;
}

const files = routeFiles();
const modules = new Map(await Promise.all(files.map(async (file) => [file, await load(file)] as const)));
const mutating = files.flatMap((file) => MUTATING.filter((method) => method in (modules.get(file) ?? {})).map((method) => ({ file, method })));

describe("every mutating API route refuses cross-site requests (CSRF)", () => {
  it("finds the route files on disk and their state-changing methods", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(files).toContain(path.join("transcripts", "route.ts"));
    expect(mutating.length).toBeGreaterThanOrEqual(9);
  });

  for (const file of files) {
    describe(`app/api/${file}`, () => {
      it("exports only HTTP methods, so no handler hides under another name", () => {
        const mod = modules.get(file) ?? {};
        const unknown = Object.keys(mod).filter((key) => typeof mod[key] === "function" && !HTTP_METHODS.has(key));
        expect(unknown).toEqual([]);
      });

      for (const { method } of mutating.filter((m) => m.file === file)) {
        it(`${method}: refuses a foreign Origin, a same-site Sec-Fetch-Site and a foreign Referer with 403, and a text/plain body with 415`, async () => {
          const handler = handlerOf(modules.get(file) ?? {}, method);
          const { url, params } = urlAndParams(file);
          const send = (headers: Record<string, string>, body = "{}") =>
            handler(new Request(url, { method, headers: { host: HOST, ...headers }, body }), { params: Promise.resolve(params) });

          const foreign = await send({ origin: "http://evil.example", "content-type": "application/json" });
          expect(foreign.status).toBe(403);
          expect(((await foreign.json()) as { error: string }).error).toMatch(/another site/);
          // Another port of the same host is "same-site" for the browser: the cookie rides along, so it must be refused too.
          expect((await send({ origin: "http://coflex.test:4000", "content-type": "application/json" })).status).toBe(403);
          expect((await send({ origin: "null", "content-type": "application/json" })).status).toBe(403);
          expect((await send({ "sec-fetch-site": "same-site", "content-type": "application/json" })).status).toBe(403);
          expect((await send({ "sec-fetch-site": "cross-site", "content-type": "application/json" })).status).toBe(403);
          expect((await send({ referer: "http://evil.example/form.html", "content-type": "application/json" })).status).toBe(403);

          const plain = await send({ origin: SELF, "content-type": "text/plain" }, '{"title":"x","text":"Therapist: hi"}');
          expect(plain.status).toBe(415);
          // A simple cross-site form can also post urlencoded; only next-auth's own form routes take it.
          if (!file.startsWith(path.join("auth", ""))) {
            expect((await send({ origin: SELF, "content-type": "application/x-www-form-urlencoded" }, "title=x")).status).toBe(415);
          }
        });
      }
    });
  }
});
