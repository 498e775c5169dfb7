/** "01:02:03.5", "1:02", "00:01:02,500" → seconds. Callers check the shape first; this only does the sum. */
export function parseClock(value: string): number {
  const parts = value.replace(",", ".").split(":").map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

const CLOCK = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{1,2})(?:[.,](\d{1,3}))?$/;

/**
 * Strict hh:mm:ss(.mmm) or mm:ss(.mmm), seconds below 60 (and minutes too when hours are given); null
 * when the text is not a time.
 * Fractions are read as decimals (".5" is half a second), as both WebVTT and SRT mean them.
 */
export function parseClockStrict(value: string): number | null {
  const match = CLOCK.exec(value.trim());
  if (!match) return null;
  const hours = match[1] === undefined ? 0 : Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  // Without hours, "83:20" can only mean 83 minutes; with hours, minutes past 59 are a typo.
  if ((match[1] !== undefined && minutes >= 60) || seconds >= 60) return null;
  const fraction = match[4] === undefined ? 0 : Number(`0.${match[4]}`);
  return roundMs(hours * 3600 + minutes * 60 + seconds + fraction);
}

/** A time cell: plain seconds ("65", "65.25") or a clock; null when it is neither. Empty is handled by the caller. */
export function parseSecondsOrClock(value: string): number | null {
  const trimmed = value.trim();
  if (/^\d+(?:[.,]\d+)?$/.test(trimmed)) return roundMs(Number(trimmed.replace(",", ".")));
  return parseClockStrict(trimmed);
}

/** Keeps float noise out of stored times (65.1 + 0.2 and friends). */
export function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
