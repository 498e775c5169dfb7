import { type Page, expect } from "@playwright/test";

/** Nothing on the page sticks out sideways: no horizontal scrolling, every header control on screen. */
export async function expectFits(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const header of document.querySelectorAll("header")) {
      for (const el of header.querySelectorAll<HTMLElement>("a, button, h1, [role=status], .badge")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < -1 || r.right > width + 1) out.push(`“${el.textContent?.trim()}” is cut off (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
        const clips = getComputedStyle(el).overflow !== "visible";
        if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) out.push(`“${el.textContent?.trim()}” is truncated (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
    }
    return out;
  });
  expect(problems).toEqual([]);
}
