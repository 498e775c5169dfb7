/**
 * `npm run -s agreement -- FILE` (FILE `-` = stdin): reads one CONTRACTS §6 input (coded units or
 * unitized spans) and prints one JSON object on stdout. Bad input — an unreadable file, invalid JSON,
 * a schema violation — exits 2 with exactly one line on stderr, so scripts can branch on it.
 */
import { readFileSync } from "node:fs";
import { computeAgreement, computeUnitizing, parseAgreementRequest } from "../lib/agreement";

const BAD_INPUT = 2;
const INTERNAL_ERROR = 1;

function fail(code: number, message: string): void {
  process.stderr.write(`agreement: ${message.replace(/\s+/g, " ").trim()}\n`);
  process.exitCode = code;
}

function readInput(file: string): string {
  // fd 0 reads a pipe or redirected file in full; no stream plumbing needed for one JSON document.
  return readFileSync(file === "-" ? 0 : file, "utf8");
}

function main(argv: readonly string[]): void {
  const [file, ...rest] = argv;
  if (file === undefined || rest.length > 0) {
    return fail(BAD_INPUT, "usage: npm run -s agreement -- FILE (FILE - reads stdin)");
  }
  let text: string;
  try {
    text = readInput(file);
  } catch (err) {
    const reason = err instanceof Error && "code" in err ? String(err.code) : "unreadable";
    return fail(BAD_INPUT, `cannot read ${file === "-" ? "stdin" : file}: ${reason}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail(BAD_INPUT, `invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseAgreementRequest(raw);
  if (!parsed.ok) return fail(BAD_INPUT, `invalid input: ${parsed.error}`);
  try {
    const result = parsed.kind === "coded" ? computeAgreement(parsed.input) : computeUnitizing(parsed.input);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (err) {
    fail(INTERNAL_ERROR, `internal error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

main(process.argv.slice(2));
