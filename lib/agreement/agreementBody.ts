import type { AgreementView, PairAgreement } from "./runSchema";

/**
 * GET /api/exercises/:id/agreement's body as bytes. A class's `pairs` come from the latest stored run and
 * stay the same object until the next one, while the live numbers around them change many times a second;
 * at 100 coders they are ~6 MB of JSON. Serializing them on every read (a supervisor's screen polls every
 * 500 ms) held the event loop that "saved" acks wait on for tens of milliseconds each time and fed the
 * garbage collector megabytes per read. So each pairs array is serialized once and its bytes reused for as
 * long as the array lives (a WeakMap: a replaced run's bytes go with it); only the rest is serialized per read.
 */
const encoder = new TextEncoder();
const pairsBytes = new WeakMap<readonly PairAgreement[], Uint8Array>();

function bytesOfPairs(pairs: readonly PairAgreement[]): Uint8Array {
  let bytes = pairsBytes.get(pairs);
  if (!bytes) {
    bytes = encoder.encode(JSON.stringify(pairs));
    pairsBytes.set(pairs, bytes);
  }
  return bytes;
}

/** The view as JSON (`pairs` last), equal to JSON.stringify(view) up to key order. */
export function agreementBody(view: AgreementView): Blob {
  const { pairs, ...rest } = view;
  const head = JSON.stringify(rest);
  // `rest` always has keys (runId, coders, …), so the object is never empty and a comma is always right.
  return new Blob([head.slice(0, -1), ',"pairs":', bytesOfPairs(pairs) as Uint8Array<ArrayBuffer>, "}"]);
}
