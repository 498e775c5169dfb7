import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Embedded mode must work with zero setup, so a missing NEXTAUTH_SECRET is generated once and kept in the
 * data dir (mode 0600): sessions survive restarts, and nobody ships a default secret.
 */
export function loadOrCreateSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "nextauth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: fall through and create it
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
