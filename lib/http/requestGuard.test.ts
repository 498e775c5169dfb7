import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { guardRequest } from "./requestGuard";

const HOST = "clinic.example:3000";

function req(method: string, headers: Record<string, string>): Request {
  return new Request(`http://${HOST}/api/x`, { method, headers: { host: HOST, ...headers }, body: "content-type" in headers ? "{}" : undefined });
}

function refusal(fn: () => void): number | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

describe("guardRequest", () => {
  it("lets same-origin JSON through, with or without a charset", () => {
    expect(refusal(() => guardRequest(req("POST", { origin: `http://${HOST}`, "content-type": "application/json" }), "json"))).toBeNull();
    expect(refusal(() => guardRequest(req("POST", { origin: `http://${HOST}`, "content-type": "Application/JSON; charset=utf-8" }), "json"))).toBeNull();
  });

  it("lets a script without Origin, Sec-Fetch-Site or Referer through (CONTRACTS §3), still requiring JSON", () => {
    expect(refusal(() => guardRequest(req("POST", { "content-type": "application/json" }), "json"))).toBeNull();
    expect(refusal(() => guardRequest(req("POST", { "content-type": "text/plain" }), "json"))).toBe(415);
  });

  it("trusts Sec-Fetch-Site same-origin and a same-origin Referer when Origin is absent", () => {
    expect(refusal(() => guardRequest(req("DELETE", { "sec-fetch-site": "same-origin" }), "none"))).toBeNull();
    expect(refusal(() => guardRequest(req("DELETE", { referer: `http://${HOST}/transcripts/1` }), "none"))).toBeNull();
  });

  it("refuses a foreign origin before looking at the body", () => {
    expect(refusal(() => guardRequest(req("POST", { origin: "http://evil.example", "content-type": "application/json" }), "json"))).toBe(403);
    expect(refusal(() => guardRequest(req("POST", { origin: "http://evil.example", "content-type": "text/plain" }), "json"))).toBe(403);
  });

  it("accepts uploads as multipart or JSON, and body-less actions with no content type", () => {
    expect(refusal(() => guardRequest(req("POST", { "content-type": "multipart/form-data; boundary=x" }), "upload"))).toBeNull();
    expect(refusal(() => guardRequest(req("POST", { "content-type": "multipart/form-data; boundary=x" }), "json"))).toBe(415);
    expect(refusal(() => guardRequest(req("POST", {}), "none"))).toBeNull();
    expect(refusal(() => guardRequest(req("POST", { "content-type": "text/plain" }), "none"))).toBe(415);
  });

  it("leaves reads alone, whatever their origin", () => {
    expect(refusal(() => guardRequest(req("GET", { origin: "http://evil.example" }), "json"))).toBeNull();
  });
});
