/** @type {import('next').NextConfig} */
const nextConfig = {
  // Both this list and "type": "module" are needed so Next and the tsx server share one yjs and one PGlite.
  serverExternalPackages: ["yjs", "y-protocols", "lib0", "@electric-sql/pglite", "postgres", "drizzle-orm", "ws", "ioredis", "rate-limiter-flexible"],
  // Parallel local builds (several engineers in one checkout) each get their own output folder.
  distDir: process.env.COFLEX_NEXT_DIST || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // `npm run typecheck` (tsc --noEmit over the whole tree) is its own CI step; repeating it inside every
  // build would only slow the first `npm start`.
  typescript: { ignoreBuildErrors: true },
  // forbidden() and app/forbidden.tsx: a member without the role gets a 403 page that says so, not a 404.
  experimental: { authInterrupts: true },
};
export default nextConfig;
