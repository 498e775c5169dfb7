import { describe, expect, it } from "vitest";
import { docxHtmlToText } from "./docxHtml";

describe("Word HTML to transcript text", () => {
  it("puts each paragraph and each soft line break on its own line and decodes entities", () => {
    expect(docxHtmlToText("<p><strong>T:</strong> One &amp; two.<br />Three.</p><p></p><h1>C: Four&nbsp;five</h1>")).toBe("T: One & two.\nThree.\nC: Four five");
  });

  it("turns table rows into speaker lines, drops a header row, and keeps rows without a speaker as words", () => {
    const html =
      "<table><tr><th><p>Speaker</p></th><th><p>Text</p></th></tr>" +
      "<tr><td><p>Therapist</p></td><td><p>How are you?</p></td></tr>" +
      "<tr><td></td><td><p>Take your time.</p></td></tr>" +
      "<tr><td><p>[00:01:02]</p></td><td><p>Client:</p></td><td><p>Slow.</p><p>Tired.</p></td></tr></table>";
    expect(docxHtmlToText(html)).toBe("Therapist: How are you?\nTake your time.\n[00:01:02] Client: Slow. Tired.");
  });

  it("keeps a row whose first cell is not a speaker as plain words", () => {
    expect(docxHtmlToText("<table><tr><td><p>it was late</p></td><td><p>and dark</p></td></tr></table>")).toBe("it was late and dark");
  });
});
