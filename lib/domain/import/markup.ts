const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", lrm: "", rlm: "", ndash: "–", mdash: "—",
  hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", shy: "",
};

/** HTML character references as WebVTT and SRT tools write them; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return code === 0xa0 ? " " : String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Removes markup a caption may carry: <i>, <b>, <u>, <c.class>, <lang>, <ruby>/<rt>, <font …>, timestamp tags
 * <00:00:01.000>, and ASS override blocks {\an8}. A lone "<" that never closes ("I <3 this") is text.
 */
export function stripTags(text: string): string {
  return text.replace(/<\/?[a-z0-9.:_-]*(?:\s[^<>]*)?>/gi, "").replace(/\{\\[^}]*\}/g, "");
}

/** Plain caption text: tags stripped, entities decoded, runs of space collapsed. */
export function cleanCaption(text: string): string {
  return decodeEntities(stripTags(text)).replace(/\s+/g, " ").trim();
}
