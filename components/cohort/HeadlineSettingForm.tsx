"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { BAND_SCHEME_CHOICES, HEADLINE_STATISTIC_IDS, type HeadlineSetting, STATISTIC_NAMES, headlineSettingText } from "@/lib/domain/headline";

/**
 * The cohort's headline statistic: the coefficient and bands the agreement page, the live strip, the
 * progress page, the group review and the exports lead with. Instructors change it here.
 */
export function HeadlineSettingForm({ cohortId, setting }: { cohortId: string; setting: HeadlineSetting }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const statisticId = useId();
  const bandsId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setMessage(null);
    const res = await fetch(`/api/cohorts/${encodeURIComponent(cohortId)}/headline`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ statistic: form.get("statistic"), bands: form.get("bands") }),
    }).catch(() => null);
    setBusy(false);
    if (!res) {
      setMessage({ ok: false, text: "Could not reach the server. Try again." });
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string } & Partial<HeadlineSetting>;
    if (!res.ok || !body.statistic || !body.bands) {
      setMessage({ ok: false, text: body.error ?? "The setting was not saved. Try again." });
      return;
    }
    setMessage({ ok: true, text: `Saved: every page now leads with ${headlineSettingText({ statistic: body.statistic, bands: body.bands })}.` });
    router.refresh();
  }

  return (
    <form className="form card headline-form" onSubmit={onSubmit} aria-describedby={`${statisticId}-help`}>
      <p id={`${statisticId}-help`} className="small muted">
        The one number every page leads with for agreement — the agreement page, the live strip while coding, learning curves, group review and the exports&apos;
        summaries. Krippendorff&apos;s α with Krippendorff&apos;s bands is the default: it allows turns a coder has not looked at and any number of coders.
      </p>
      <label htmlFor={statisticId}>
        Headline statistic
        <select id={statisticId} name="statistic" defaultValue={setting.statistic}>
          {HEADLINE_STATISTIC_IDS.map((id) => (
            <option key={id} value={id}>
              {STATISTIC_NAMES[id].label}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={bandsId}>
        Interpretation bands
        <select id={bandsId} name="bands" defaultValue={setting.bands}>
          {BAND_SCHEME_CHOICES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Saving…" : "Save headline statistic"}
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "small" : "small error"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
