/**
 * One error vocabulary (house rule 3): each kind maps to an HTTP status, a WebSocket close code and a
 * message that is safe to show. Database and internal errors are logged by the caller, never echoed.
 * The close codes here are the only ones the collaboration server sends (lib/collab/protocol.ts names
 * them; CONTRACTS §5 lists them): 4400–4499 make y-websocket stop retrying, 1011–1013 make it reconnect.
 */
export const ERROR_KINDS = {
  bad_request: { status: 400, close: 4400, message: "The request was not valid." },
  unauthenticated: { status: 401, close: 4401, message: "Please sign in." },
  forbidden: { status: 403, close: 4403, message: "You do not have access to this." },
  not_found: { status: 404, close: 4403, message: "Not found." },
  conflict: { status: 409, close: 4409, message: "This changed elsewhere; reload and try again." },
  too_large: { status: 413, close: 4413, message: "That is too large." },
  unsupported_media_type: { status: 415, close: 4400, message: "The request's content type is not accepted here." },
  rate_limited: { status: 429, close: 4429, message: "Too many requests; wait a moment and try again." },
  internal: { status: 500, close: 1011, message: "Something went wrong on our side. Your saved work is safe; try again." },
  unavailable: { status: 503, close: 1012, message: "The server is restarting; you will be reconnected." },
  /** A client that does not read what the server sends (its buffer grows without bound) is cut; it reconnects. */
  too_slow: { status: 503, close: 1013, message: "The connection was too slow; reconnecting." },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

export class AppError extends Error {
  override name = "AppError";
  readonly kind: ErrorKind;
  /** A message safe to show to the user; defaults to the kind's generic message. */
  readonly publicMessage: string;

  constructor(kind: ErrorKind, publicMessage?: string, options?: { cause?: unknown }) {
    super(publicMessage ?? ERROR_KINDS[kind].message, options);
    this.kind = kind;
    this.publicMessage = publicMessage ?? ERROR_KINDS[kind].message;
  }

  get status(): number {
    return ERROR_KINDS[this.kind].status;
  }

  get closeCode(): number {
    return ERROR_KINDS[this.kind].close;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Anything that is not an AppError becomes "internal": its details stay in the log. */
export function toAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError("internal", undefined, { cause: error });
}

/**
 * What every agreement channel (the API, the agreement exports, group review) answers someone who may not
 * see agreement yet, and when no run exists: one 404 body, so nothing tells a hidden run from a missing one.
 */
export const AGREEMENT_NOT_AVAILABLE = "No agreement is available for this exercise yet.";
