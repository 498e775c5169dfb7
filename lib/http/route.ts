import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, toAppError } from "../errors";
import { createLogger } from "../log";
import { type BodyKind, guardRequest } from "./requestGuard";

const log = createLogger("http");

export interface RouteOptions {
  /** What a state-changing request must send (lib/http/requestGuard.ts); default "json". */
  body?: BodyKind;
}

/**
 * Every route handler runs inside this (tests/integration/csrfRoutes.test.ts checks each route file):
 * state-changing requests from a foreign origin are refused (403) and bodies of the wrong content type
 * too (415) before the handler runs; AppErrors become {error} with their status; anything else is logged
 * and hidden.
 */
export function route<Ctx>(handler: (req: Request, ctx: Ctx) => Promise<Response>, options: RouteOptions = {}): (req: Request, ctx: Ctx) => Promise<Response> {
  const body = options.body ?? "json";
  return async (req, ctx) => {
    try {
      guardRequest(req, body);
      const response = await handler(req, ctx);
      // API answers carry transcript text, codes or who-is-who: no browser or shared cache keeps them.
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
      return response;
    } catch (err) {
      const appError = toAppError(err);
      if (appError.kind === "internal") log.error("route_failed", { path: new URL(req.url).pathname, err });
      return NextResponse.json({ error: appError.publicMessage }, { status: appError.status, headers: { "cache-control": "no-store" } });
    }
  };
}

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what = "request"): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new AppError("bad_request", `Invalid ${what}: ${where}${issue?.message ?? "not valid"}`);
  }
  return result.data;
}

export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("too_large", "The request body is too large.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
