/**
 * The security headers of every response (set by proxy.ts), built here so they can be tested without a
 * server. Pages get a CSP with a fresh nonce per request (Next puts it on its own scripts); no
 * 'unsafe-eval' outside development.
 *
 * style-src: stylesheets come from 'self' and <style> elements need the nonce (Tiptap's injected CSS is
 * turned off; its base rules are in app/globals.css). Style *attributes* are allowed
 * (style-src-attr 'unsafe-inline'): ProseMirror and the collaboration carets set them from script, and
 * server-rendered markers use them for colours; an injected style attribute cannot run script or read
 * the page.
 */
export interface CspOptions {
  nonce: string;
  /** The request's Host header; the WebSocket endpoint is on the same host. */
  host: string | null;
  https: boolean;
  dev: boolean;
}

const HOST_PATTERN = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

export function contentSecurityPolicy({ nonce, host, https, dev }: CspOptions): string {
  // 'self' covers same-origin ws: in current browsers, but older ones need the WebSocket origin spelled out.
  const sockets = host !== null && HOST_PATTERN.test(host) ? (https ? [`wss://${host}`] : [`ws://${host}`, `wss://${host}`]) : [];
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", `'nonce-${nonce}'`]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...sockets]],
    ["worker-src", ["'self'", "blob:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.join(" ")}`);
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** Headers for every response, pages and API alike. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // same-origin: our own requests keep their Referer (a CSRF signal when Origin is absent); other sites get none.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=(), fullscreen=(self)",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
