/** @type {import('next').NextConfig} */
const nextConfig = {
  // Both this list and "type": "module" are needed so Next and the tsx server share one yjs and one PGlite.
  serverExternalPackages: ["yjs", "y-protocols", "lib0", "@electric-sql/pglite", "postgres", "drizzle-orm", "ws"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};
export default nextConfig;
