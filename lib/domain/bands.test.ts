import { describe, expect, it } from "vitest";
import {
  BAND_SCHEMES,
  CICCHETTI,
  KRIPPENDORFF,
  LANDIS_KOCH,
  bandFor,
  bandLabel,
  bandScheme,
  bandSchemeSchema,
  bandSegments,
  decimalsFor,
  formatCoefficient,
  formatInterval,
} from "./bands";

const name = (value: number, scheme = LANDIS_KOCH): string | undefined => bandFor(value, scheme)?.band.name;

describe("Landis & Koch bands", () => {
  it("follow the published two-decimal table, upper bounds inclusive", () => {
    expect(name(-0.05)).toBe("poor");
    expect(name(0)).toBe("slight");
    expect(name(0.2)).toBe("slight");
    expect(name(0.21)).toBe("fair");
    expect(name(0.4)).toBe("fair");
    expect(name(0.41)).toBe("moderate");
    expect(name(0.6)).toBe("moderate");
    expect(name(0.61)).toBe("substantial");
    expect(name(0.8)).toBe("substantial");
    expect(name(0.81)).toBe("almost perfect");
    expect(name(1)).toBe("almost perfect");
  });

  it("name the scheme next to the band", () => {
    expect(bandLabel(0.72, LANDIS_KOCH)).toBe("substantial — Landis & Koch");
    expect(bandLabel(undefined, LANDIS_KOCH)).toBe("");
  });
});

describe("Cicchetti bands", () => {
  it("have inclusive lower bounds at .40, .60 and .75", () => {
    expect(name(0.39, CICCHETTI)).toBe("poor");
    expect(name(0.4, CICCHETTI)).toBe("fair");
    expect(name(0.59, CICCHETTI)).toBe("fair");
    expect(name(0.6, CICCHETTI)).toBe("good");
    expect(name(0.749, CICCHETTI)).toBe("good");
    expect(name(0.75, CICCHETTI)).toBe("excellent");
  });
});

describe("Krippendorff bands", () => {
  it("call α ≥ .800 reliable and ≥ .667 tentative", () => {
    expect(name(0.8, KRIPPENDORFF)).toBe("reliable");
    expect(name(0.7999, KRIPPENDORFF)).toBe("tentative");
    expect(name(0.667, KRIPPENDORFF)).toBe("tentative");
    expect(name(0.6669, KRIPPENDORFF)).toBe("unreliable");
    expect(name(-0.3, KRIPPENDORFF)).toBe("unreliable");
    expect(bandLabel(0.9, KRIPPENDORFF)).toBe("reliable — Krippendorff");
  });
});

describe("bandFor", () => {
  it("returns nothing for undefined or NaN and clamps out-of-range values", () => {
    expect(bandFor(undefined)).toBeNull();
    expect(bandFor(null)).toBeNull();
    expect(bandFor(Number.NaN)).toBeNull();
    expect(bandFor(1.2)?.band.name).toBe("almost perfect");
    expect(bandFor(-3)?.band.name).toBe("poor");
  });

  it("reports where the band ends", () => {
    expect(bandFor(0.5, LANDIS_KOCH)).toMatchObject({ index: 3, max: 0.6 });
    expect(bandFor(0.95, LANDIS_KOCH)).toMatchObject({ index: 5, max: 1 });
  });
});

describe("printed numbers agree with their band", () => {
  it("print 2 decimals away from a boundary", () => {
    expect(formatCoefficient(0.7234)).toBe("0.72");
    expect(decimalsFor(0.7234, LANDIS_KOCH)).toBe(2);
  });

  it("print more decimals where rounding would cross into another band", () => {
    // 0.8049 → "0.80" reads as substantial, but the value is almost perfect.
    expect(formatCoefficient(0.8049, LANDIS_KOCH)).toBe("0.805");
    // 0.6664 → "0.67" would read as tentative; α is below .667.
    expect(formatCoefficient(0.6664, KRIPPENDORFF)).toBe("0.666");
    expect(name(Number(formatCoefficient(0.6664, KRIPPENDORFF)), KRIPPENDORFF)).toBe("unreliable");
  });

  it("show negatives with a true minus and never print −0.00", () => {
    expect(formatCoefficient(-0.234)).toBe("−0.23");
    expect(formatCoefficient(-0.001, CICCHETTI)).toBe("0.00");
    // Under Landis & Koch a value below 0 is poor and 0.00 is slight: the minus stays, with a third decimal.
    expect(formatCoefficient(-0.001, LANDIS_KOCH)).toBe("−0.001");
    expect(formatCoefficient(undefined)).toBe("—");
  });

  it("hold for every scheme over a fine grid", () => {
    for (const scheme of BAND_SCHEMES) {
      for (let i = -1000; i <= 1000; i++) {
        const value = i / 1000 + 0.00049;
        const printed = Number(formatCoefficient(value, scheme).replace("−", "-"));
        expect(bandFor(printed, scheme)?.index, `${value} under ${scheme.name}`).toBe(bandFor(value, scheme)?.index);
      }
    }
  });
});

describe("formatInterval", () => {
  it("prints a CI to 2 decimals or says there is none", () => {
    expect(formatInterval([0.4123, 0.8])).toBe("[0.41, 0.80]");
    expect(formatInterval([-0.12, 0.3])).toBe("[−0.12, 0.30]");
    expect(formatInterval(undefined)).toBe("no CI");
  });
});

describe("schemes as data", () => {
  it("cover −1 … 1 without gaps", () => {
    for (const scheme of BAND_SCHEMES) {
      const segments = bandSegments(scheme);
      expect(segments[0]!.from).toBe(-1);
      expect(segments.at(-1)!.to).toBe(1);
      segments.slice(1).forEach((s, i) => expect(s.from).toBe(segments[i]!.to));
      expect(bandSchemeSchema.safeParse(scheme).success).toBe(true);
    }
  });

  it("validate a course's own scheme", () => {
    const criterion = { id: "course", name: "Course criterion", citation: "", bands: [{ name: "below criterion", min: -1, minExclusive: false }, { name: "meets criterion", min: 0.7, minExclusive: false }] };
    expect(bandSchemeSchema.safeParse(criterion).success).toBe(true);
    expect(name(0.7, criterion)).toBe("meets criterion");
    const unordered = { ...criterion, bands: [...criterion.bands].reverse() };
    expect(bandSchemeSchema.safeParse(unordered).success).toBe(false);
  });

  it("fall back to Landis & Koch for an unknown id", () => {
    expect(bandScheme("cicchetti")).toBe(CICCHETTI);
    expect(bandScheme("nope")).toBe(LANDIS_KOCH);
    expect(bandScheme(null)).toBe(LANDIS_KOCH);
  });
});
