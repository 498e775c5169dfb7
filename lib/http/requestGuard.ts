import { AppError } from "../errors";
import { originAllowed } from "./origin";

/**
 * What a state-changing route accepts as its body. Requiring a non-"simple" content type is the second
 * lock after the Origin check: a cross-site HTML form can only send text/plain, urlencoded or multipart,
 * and a cross-site fetch with application/json needs a CORS preflight that we never answer.
 * - "json": application/json (the default for POST/PUT/PATCH);
 * - "upload": multipart/form-data or application/json (file import and its preview);
 * - "form": application/x-www-form-urlencoded, or JSON (next-auth's own routes, which also check their CSRF
 *   token; its client posts session updates as JSON);
 * - "none": no body is read; no content type, or application/json (an empty `{}`), is accepted.
 */
export type BodyKind = "json" | "upload" | "form" | "none";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutating(method: string): boolean {
  return MUTATING.has(method.toUpperCase());
}

function mediaType(header: string | null): string | null {
  if (header === null) return null;
  const type = header.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  return type === "" ? null : type;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return "null";
  }
}

/**
 * Where the request says it comes from: Origin; without it, Sec-Fetch-Site (anything but same-origin is
 * foreign — "same-site" is exactly another port of the same host); without both, the Referer's origin.
 * None of them → not a browser (CONTRACTS §3: scripts sign in and call the API with the cookie).
 */
function requestIsForeign(headers: Headers): boolean {
  const host = headers.get("host") ?? undefined;
  const origin = headers.get("origin");
  if (origin !== null) return !originAllowed(origin, host);
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) return fetchSite !== "same-origin" && fetchSite !== "none";
  const referer = headers.get("referer");
  if (referer !== null) return !originAllowed(originOf(referer), host);
  return false;
}

const FOREIGN = "This request came from another site and was refused. Use Coflex's own pages.";

/** Throws 403 for a foreign origin and 415 for a body of the wrong type; safe methods pass untouched. */
export function guardRequest(req: Request, body: BodyKind): void {
  if (!isMutating(req.method)) return;
  if (requestIsForeign(req.headers)) throw new AppError("forbidden", FOREIGN);
  const type = mediaType(req.headers.get("content-type"));
  const ok =
    body === "json"
      ? type === "application/json"
      : body === "upload"
        ? type === "application/json" || type === "multipart/form-data"
        : body === "form"
          ? type === "application/x-www-form-urlencoded" || type === "application/json"
          : type === null || type === "application/json";
  if (!ok) throw new AppError("unsupported_media_type", expected(body));
}

function expected(body: BodyKind): string {
  switch (body) {
    case "json":
      return "Send this request as JSON (Content-Type: application/json).";
    case "upload":
      return "Send the transcript as a file upload (multipart/form-data) or as JSON (Content-Type: application/json).";
    case "form":
      return "Send this form as application/x-www-form-urlencoded.";
    case "none":
      return "This request takes no body; send none, or an empty JSON object with Content-Type: application/json.";
  }
}
