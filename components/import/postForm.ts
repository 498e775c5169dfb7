/**
 * POSTs a form with upload progress (fetch cannot report it) and turns every outcome into either the
 * JSON body or one sentence a clinician can act on.
 */
export type Progress = { phase: "uploading"; fraction: number | null } | { phase: "processing" };

export type PostResult = { ok: true; status: number; body: unknown } | { ok: false; status: number; error: string };

function fallbackMessage(status: number): string {
  if (status === 0) return "Coflex could not be reached. Check your connection, then try again.";
  if (status === 401) return "Your session has ended. Sign in again in another tab, then try again here; nothing was imported.";
  if (status === 403 || status === 404) return "You cannot import transcripts into this cohort.";
  if (status === 413) return "This transcript is too large to import at once. Split it into parts.";
  if (status >= 500) return "Something went wrong on our side. Nothing was imported; try again in a moment.";
  return "The transcript could not be read. Check the file and try again.";
}

export function postForm(url: string, form: FormData, onProgress: (progress: Progress) => void, signal?: AbortSignal): Promise<PostResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => onProgress({ phase: "uploading", fraction: event.lengthComputable && event.total > 0 ? event.loaded / event.total : null });
    // Once the last byte is sent the server is parsing; the bar switches to "reading".
    xhr.upload.onload = () => onProgress({ phase: "processing" });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ ok: true, status: xhr.status, body });
        return;
      }
      const error = body !== null && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : fallbackMessage(xhr.status);
      resolve({ ok: false, status: xhr.status, error });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, error: fallbackMessage(0) });
    xhr.onabort = () => resolve({ ok: false, status: -1, error: "" });
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    onProgress({ phase: "uploading", fraction: null });
    xhr.send(form);
  });
}
