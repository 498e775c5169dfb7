import { z } from "zod";

// Runs in the browser before any page code (Next's client instrumentation hook). zod 4 probes for eval
// with Function("") when it builds its first object schema; the CSP forbids eval (no 'unsafe-eval'), so
// the probe would be reported as a violation on every page. Its interpreter is all the browser needs.
z.config({ jitless: true });
