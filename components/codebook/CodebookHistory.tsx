import Link from "next/link";

export interface CodebookHistoryProps {
  cohortId: string;
  shownVersion: number;
  currentVersion: number;
  versions: ReadonlyArray<{ version: number; when: string; by: string | null }>;
}

/** Every saved version, newest first; older ones open read-only (exercises set with them still use them). */
export function CodebookHistory({ cohortId, shownVersion, currentVersion, versions }: CodebookHistoryProps) {
  return (
    <aside className="card codebook-history" aria-labelledby="codebook-history-heading">
      <h2 id="codebook-history-heading">Version history</h2>
      <p className="muted small">Each save adds a version; none is overwritten. An exercise keeps the version it was set with.</p>
      <ol className="codebook-versions" aria-label="Codebook versions, newest first">
        {versions.map((v) => (
          <li key={v.version} aria-current={v.version === shownVersion ? "true" : undefined} className={v.version === shownVersion ? "history-shown" : undefined}>
            <span className="history-version">
              {v.version === shownVersion ? (
                <strong>Version {v.version}</strong>
              ) : (
                <Link href={v.version === currentVersion ? `/cohorts/${cohortId}/codebook` : `/cohorts/${cohortId}/codebook?version=${v.version}`}>Version {v.version}</Link>
              )}
              {v.version === currentVersion && <span className="badge">current</span>}
              {v.version === shownVersion && <span className="muted small">(shown)</span>}
            </span>
            <span className="small">{v.when}</span>
            <span className="muted small">{v.by ? `by ${v.by}` : "the default codebook"}</span>
          </li>
        ))}
      </ol>
    </aside>
  );
}
