"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * Where it makes sense, a second way on from an error page, read from the address: inside a cohort, its
 * codebook (every member may read it); inside an exercise, its coding page.
 */
export function PlaceLinks() {
  const path = usePathname() ?? "";
  const cohort = /^\/cohorts\/([0-9a-f-]{36})(\/|$)/i.exec(path)?.[1];
  const exercise = /^\/exercises\/([0-9a-f-]{36})\/./i.exec(path)?.[1];
  if (cohort && !path.endsWith("/codebook")) {
    return (
      <Link href={`/cohorts/${cohort}/codebook`} className="btn">
        The cohort&apos;s codebook
      </Link>
    );
  }
  if (exercise) {
    return (
      <Link href={`/exercises/${exercise}`} className="btn">
        The exercise&apos;s coding page
      </Link>
    );
  }
  return null;
}
