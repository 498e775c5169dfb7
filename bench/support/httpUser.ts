/**
 * A signed-in user as a script sees Coflex (CONTRACTS §3): next-auth's CSRF token, the credentials callback,
 * then the session cookie on every API request and WebSocket upgrade.
 */
export interface HttpUser {
  id: string;
  email: string;
  cookie: string;
  /** A JSON API call; state-changing calls carry the same-origin Origin and JSON content type. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; bytes: number; ms: number }>;
  /** A page as the browser loads it (HTML), with its size and the server's time to the last byte. */
  page(path: string): Promise<{ status: number; bytes: number; ms: number; html: string }>;
}

function cookiesFrom(res: Response, jar: Map<string, string>): void {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signIn(baseUrl: string, email: string, password: string): Promise<HttpUser> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesFrom(csrfRes, jar);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" });
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar), Origin: baseUrl },
    body: form,
    redirect: "manual",
  });
  cookiesFrom(res, jar);
  await res.arrayBuffer();
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in failed for ${email} (${res.status})`);
  const cookie = cookieHeader(jar);
  const me = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { Cookie: cookie } })).json()) as { user?: { id?: string } };
  if (!me.user?.id) throw new Error(`no session for ${email}`);
  const user: HttpUser = {
    id: me.user.id,
    email,
    cookie,
    async api(method, path, body) {
      const started = performance.now();
      const r = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: baseUrl, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await r.text();
      const ms = performance.now() - started;
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      return { status: r.status, json, bytes: Buffer.byteLength(text), ms };
    },
    async page(path) {
      const started = performance.now();
      const r = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
      const html = await r.text();
      return { status: r.status, bytes: Buffer.byteLength(html), ms: performance.now() - started, html };
    },
  };
  return user;
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
