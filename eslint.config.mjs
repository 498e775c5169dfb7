import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import globals from "globals";

/**
 * House rule 1: imports point one way. lib/domain and lib/agreement are pure (nothing of ours but each
 * other); components never reach the database or the server; nothing imports app/; no cycles anywhere.
 */
export default tseslint.config(
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".coflex-data/**", "drizzle/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { typescript: true, node: true }, "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"] },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib/domain", from: "./", except: ["./lib/domain", "./lib/agreement", "./node_modules"], message: "lib/domain is pure: it imports only lib/domain and lib/agreement." },
            { target: "./lib/agreement", from: "./", except: ["./lib/agreement", "./lib/domain", "./node_modules"], message: "lib/agreement is pure: it imports only lib/agreement and lib/domain." },
            { target: "./components", from: ["./lib/db", "./server", "./app"], message: "components may import lib/ but never lib/db, server/ or app/." },
            { target: "./lib", from: ["./app", "./server", "./components"], message: "lib/ never imports app/, server/ or components/." },
            { target: "./server", from: "./app", message: "nothing imports app/." },
            { target: "./tests", from: "./app", message: "nothing imports app/." },
          ],
        },
      ],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read env through lib/env.ts (house rule 4)." }],
      // House rule 5: one permission check. The exercise rules are can()'s implementation.
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/exerciseRules", "**/exerciseRules.ts"], message: "Ask can() from lib/auth/can (e.g. can(subject, \"exercise.agreement\", {kind: \"exercise\", exercise: facts})); the exercise rules are its implementation." }] }],
    },
  },
  {
    files: ["lib/auth/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["lib/env.ts", "tests/**", "bench/**", "scripts/**", "*.config.*", "playwright.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
);
