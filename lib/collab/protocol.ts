/** y-websocket frame types, plus our own server → client message (CONTRACTS §5). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** "saved": every update this client sent up to now is committed. */
export const MESSAGE_SAVED = 100;

export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_STALE_EPOCH = 4409;
export const CLOSE_TOO_LARGE = 4413;
export const CLOSE_RATE_LIMITED = 4429;
export const CLOSE_BAD_FRAME = 4400;
export const CLOSE_RESTARTING = 1012;

/** Frames above this close the socket with 4413; a whole 400-turn transcript encodes well under it. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
