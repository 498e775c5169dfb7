/**
 * The fields of an error that are safe to log. Drizzle's DrizzleQueryError message is
 * "Failed query: … params: …" — the params are the Yjs update, i.e. transcript text — and driver
 * messages may quote values too, so only the error class and the driver's code (SQLSTATE, errno) are kept.
 */
export function safeErrorFields(error: unknown): { error: string; code?: string; causeError?: string } {
  const fields: { error: string; code?: string; causeError?: string } = { error: errorName(error) };
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause !== undefined) fields.causeError = errorName(cause);
  const code = codeOf(cause) ?? codeOf(error);
  if (code !== undefined) fields.code = code;
  return fields;
}

function errorName(value: unknown): string {
  if (!(value instanceof Error)) return typeof value;
  // Bundled drivers (PGlite) have minified class names; their `name` is more telling then.
  const className = value.constructor.name;
  return className.length > 2 ? className : value.name;
}

function codeOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("code" in value)) return undefined;
  const code = (value as { code: unknown }).code;
  return typeof code === "string" || typeof code === "number" ? String(code).slice(0, 32) : undefined;
}
