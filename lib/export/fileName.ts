/**
 * Download names built only from ASCII letters, digits, "-" and ".": the exercise title is someone's
 * free text, and a quote, slash, semicolon or control character in Content-Disposition would break
 * the header or name a path. Accented letters keep their base letter ("Séance" → "seance").
 */

const MAX_SLUG = 60;

export function slugify(text: string, fallback = "exercise"): string {
  const base = text.normalize("NFKD");
  let out = "";
  let dash = false;
  for (const c of base) {
    const lower = c.toLowerCase();
    if ((lower >= "a" && lower <= "z") || (lower >= "0" && lower <= "9")) {
      if (dash && out.length > 0) out += "-";
      out += lower;
      dash = false;
    } else if (c.charCodeAt(0) >= 0x300 && c.charCodeAt(0) <= 0x36f) {
      // A combining mark left by NFKD: drop it, keep the letter it sat on.
    } else {
      dash = true;
    }
    if (out.length >= MAX_SLUG) break;
  }
  out = out.slice(0, MAX_SLUG);
  while (out.endsWith("-")) out = out.slice(0, -1);
  return out.length > 0 ? out : fallback;
}

/** "coflex-<title>-<format>-<YYYY-MM-DD>.<extension>", the date in UTC. */
export function exportFileName(title: string, format: string, date: Date, extension: string): string {
  const day = date.toISOString().slice(0, 10);
  return `coflex-${slugify(title)}-${slugify(format, "export")}-${day}.${slugify(extension, "bin")}`;
}

/** A Content-Disposition value for a name made by exportFileName (already safe; checked again here). */
export function attachmentDisposition(fileName: string): string {
  for (const c of fileName) {
    const ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "-" || c === "." || c === "_";
    if (!ok) throw new RangeError("unsafe download file name");
  }
  return `attachment; filename="${fileName}"`;
}
