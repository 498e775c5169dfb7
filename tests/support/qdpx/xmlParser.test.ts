import { describe, expect, it } from "vitest";
import { childElements, parseXml, textContent, XmlParseError } from "./xmlParser";
import { escapeAttribute, escapeText } from "../../../lib/qdpx/xmlText";

describe("parseXml", () => {
  it("reads elements, attributes, text, CDATA, comments and the XML declaration", () => {
    const root = parseXml(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<q:Project xmlns:q="urn:x" name='single "quoted"'>
  <Item a="1" b = "two"/>
  <Text>fish &amp; chips &lt;3 &#233;&#x1F4F1;<![CDATA[<raw & kept>]]></Text>
</q:Project>`);
    expect(root.qname).toBe("q:Project");
    expect(root.name).toBe("Project");
    expect(root.attributes.name).toBe('single "quoted"');
    expect(childElements(root, "Item")[0]!.attributes).toEqual({ a: "1", b: "two" });
    expect(textContent(childElements(root, "Text")[0]!)).toBe("fish & chips <3 é📱<raw & kept>");
  });

  it("normalises literal whitespace in attributes to spaces but keeps character references", () => {
    const root = parseXml(`<a v="x\ty\nz" w="x&#9;y&#10;z&#13;"/>`);
    expect(root.attributes.v).toBe("x y z");
    expect(root.attributes.w).toBe("x\ty\nz\r");
  });

  it("turns CRLF in text into LF, as XML end-of-line handling says", () => {
    expect(textContent(parseXml("<a>one\r\ntwo\rthree</a>"))).toBe("one\ntwo\nthree");
  });

  it("round-trips anything our escaping writes", () => {
    const nasty = `a & b < c > d "e" 'f'\ttab\nline\r\nend 📱 ]]> --`;
    const root = parseXml(`<a v="${escapeAttribute(nasty)}">${escapeText(nasty)}</a>`);
    expect(root.attributes.v).toBe(nasty);
    expect(textContent(root)).toBe(nasty);
  });

  it("replaces characters XML cannot carry with U+FFFD when writing", () => {
    expect(escapeText("bell\u0007 and \uD800 lone")).toBe("bell\uFFFD and \uFFFD lone");
  });

  it.each([
    ["a DOCTYPE (no entity expansion, no external entities)", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["mismatched tags", "<a><b></a></b>"],
    ["an unclosed element", "<a><b/>"],
    ["two roots", "<a/><b/>"],
    ["a duplicate attribute", `<a x="1" x="2"/>`],
    ["an unquoted attribute", "<a x=1/>"],
    ["'<' in an attribute", `<a x="<"/>`],
    ["text outside the root", "oops<a/>"],
    ["a character reference to NUL", "<a>&#0;</a>"],
    ["no root at all", "<?xml version='1.0'?>"],
  ])("refuses %s", (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlParseError);
  });

  it("refuses documents nested deeper than the limit", () => {
    expect(() => parseXml("<a>".repeat(300) + "</a>".repeat(300))).toThrow(/nested too deeply/);
  });
});
