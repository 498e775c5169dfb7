import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("environment", () => {
  it("defaults to the embedded database with demo data on port 3000 at 127.0.0.1", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", COFLEX_DATA_DIR: ".coflex-data", embedded: true, demo: true });
  });

  it("uses PostgreSQL without demo data when DATABASE_URL is set, unless COFLEX_DEMO=1", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://localhost/test" })).toMatchObject({ embedded: false, demo: false });
    expect(parseEnv({ DATABASE_URL: "postgres://localhost/test", COFLEX_DEMO: "1" })).toMatchObject({ demo: true });
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" })).toMatchObject({ embedded: true, PORT: 3000 });
  });

  it("rejects a bad port, a bad URL and an unknown COFLEX_DEMO value, naming the variable", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ COFLEX_DEMO: "yes" })).toThrow(EnvError);
  });

  it("requires NEXTAUTH_SECRET in production with PostgreSQL, but not in embedded mode", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://localhost/test" })).toThrow(/NEXTAUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production" }).embedded).toBe(true);
  });
});
