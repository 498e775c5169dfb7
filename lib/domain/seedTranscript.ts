/** A transcript as the demo data, seeds and tests write it: turns with speaker, role and times in seconds. */
export interface SeedTurn {
  speaker: string;
  role: "therapist" | "client" | "other";
  start: number | null;
  end: number | null;
  text: string;
}

export interface SeedTranscript {
  title: string;
  turns: readonly SeedTurn[];
}
