/**
 * The default FAD (Flexibility Across Dimensions) codebook.
 *
 * Six dimensions (the EEMM dimensions) × two poles (flexible / inflexible), each pole with a default
 * process from the psychological-flexibility model, a short clinical definition, an example utterance
 * and a few finer-grained process tags. The definitions and example utterances were written for this
 * project; they are not quoted from any published manual or real session.
 *
 * Cohorts store edited copies (renamed or added processes, a bumped version) validated by
 * `codebookSchema` in ./codebookSchema. The dimension set itself is fixed.
 */

export const DIMENSIONS = ["emotion", "cognition", "attention", "self", "motivation", "overt_behavior"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const POLARITIES = ["flexible", "inflexible"] as const;
export type Polarity = (typeof POLARITIES)[number];

export interface ProcessTag {
  id: string;
  label: string;
  polarity: Polarity;
}

export interface CodebookPole {
  process: string;
  definition: string;
  example: string;
  tags: ProcessTag[];
}

export interface CodebookEntry {
  dimension: Dimension;
  label: string;
  abbreviation: string;
  colour: string;
  flexible: CodebookPole;
  inflexible: CodebookPole;
}

export interface Codebook {
  name: string;
  version: number;
  entries: CodebookEntry[];
}

const ABBREVIATIONS: Readonly<Record<Dimension, string>> = {
  emotion: "EMO",
  cognition: "COG",
  attention: "ATT",
  self: "SELF",
  motivation: "MOT",
  overt_behavior: "BEH",
};

/** Okabe–Ito palette: distinguishable for the common forms of colour-vision deficiency. */
const COLOURS: Readonly<Record<Dimension, string>> = {
  emotion: "#D55E00",
  cognition: "#0072B2",
  attention: "#009E73",
  self: "#CC79A7",
  motivation: "#E69F00",
  overt_behavior: "#56B4E9",
};

const LABELS: Readonly<Record<Dimension, string>> = {
  emotion: "Emotion",
  cognition: "Cognition",
  attention: "Attention",
  self: "Self",
  motivation: "Motivation",
  overt_behavior: "Overt behavior",
};

const POLARITY_LETTER: Readonly<Record<Polarity, string>> = {
  flexible: "F",
  inflexible: "I",
};

/** Short uppercase abbreviation of a dimension: EMO, COG, ATT, SELF, MOT, BEH. */
export function dimensionAbbreviation(d: Dimension): string {
  return ABBREVIATIONS[d];
}

/** Okabe–Ito colour (hex) of a dimension. */
export function dimensionColour(d: Dimension): string {
  return COLOURS[d];
}

/** Human-readable label of a dimension, e.g. "Overt behavior". */
export function dimensionLabel(d: Dimension): string {
  return LABELS[d];
}

/** Compact code label: abbreviation, a middle dot, F or I — e.g. "COG·I", "BEH·F". */
export function codeLabel(d: Dimension, p: Polarity): string {
  return `${ABBREVIATIONS[d]}\u00B7${POLARITY_LETTER[p]}`;
}

function tag(d: Dimension, polarity: Polarity, slug: string, label: string): ProcessTag {
  return { id: `${d}.${polarity}.${slug}`, label, polarity };
}

function entry(d: Dimension, flexible: CodebookPole, inflexible: CodebookPole): CodebookEntry {
  return {
    dimension: d,
    label: LABELS[d],
    abbreviation: ABBREVIATIONS[d],
    colour: COLOURS[d],
    flexible,
    inflexible,
  };
}

export const defaultCodebook: Codebook = {
  name: "FAD default codebook",
  version: 1,
  entries: [
    entry(
      "emotion",
      {
        process: "Acceptance / willingness",
        definition:
          "Openly making room for unwanted feelings and bodily sensations, without trying to change, suppress or flee them, when doing so serves what matters.",
        example: "My stomach is in knots about the meeting, and I can let that be there while I go in.",
        tags: [
          tag("emotion", "flexible", "acceptance", "Acceptance"),
          tag("emotion", "flexible", "willingness", "Willingness"),
          tag("emotion", "flexible", "openness", "Openness to sensations"),
        ],
      },
      {
        process: "Experiential avoidance",
        definition:
          "Attempts to suppress, escape or control unwanted feelings and sensations, even when those attempts are costly or keep the person from what matters.",
        example: "As soon as the panic starts I grab my phone and scroll until I can't feel anything.",
        tags: [
          tag("emotion", "inflexible", "suppression", "Suppression"),
          tag("emotion", "inflexible", "escape", "Escape"),
          tag("emotion", "inflexible", "control", "Control of feelings"),
        ],
      },
    ),
    entry(
      "cognition",
      {
        process: "Defusion",
        definition:
          "Noticing thoughts as thoughts — passing events of the mind — rather than as literal truths or commands, so they can be held lightly.",
        example: "I'm having the thought that I'll mess this up again — that's an old one.",
        tags: [
          tag("cognition", "flexible", "noticing-thoughts", "Noticing thoughts as thoughts"),
          tag("cognition", "flexible", "distancing", "Distancing / labelling the mind"),
          tag("cognition", "flexible", "holding-lightly", "Holding rules lightly"),
        ],
      },
      {
        process: "Cognitive fusion",
        definition:
          "Treating thoughts as literal truths or commands that dictate behaviour: rigid rules, reason-giving and evaluations taken at face value.",
        example: "I can't call her until I know exactly what to say, otherwise it will be a disaster.",
        tags: [
          tag("cognition", "inflexible", "literal-thoughts", "Thoughts as literal truths"),
          tag("cognition", "inflexible", "reason-giving", "Reason-giving"),
          tag("cognition", "inflexible", "rigid-rules", "Rigid rules"),
        ],
      },
    ),
    entry(
      "attention",
      {
        process: "Flexible present-moment attention",
        definition:
          "Deliberately contacting what is happening here and now, inside and outside, and shifting or widening attention as the situation requires.",
        example: "Right now I notice my hands are cold and your voice sounds quieter than usual.",
        tags: [
          tag("attention", "flexible", "present-moment", "Present-moment contact"),
          tag("attention", "flexible", "noticing", "Noticing sensations"),
          tag("attention", "flexible", "shifting", "Flexible shifting of attention"),
        ],
      },
      {
        process: "Rigid attention to past or future",
        definition:
          "Attention captured by the conceptualized past or feared future, or running on autopilot, so the present moment is missed.",
        example: "I keep replaying that conversation from last year and imagining how the next one will go wrong.",
        tags: [
          tag("attention", "inflexible", "worry", "Worry"),
          tag("attention", "inflexible", "rumination", "Rumination"),
          tag("attention", "inflexible", "autopilot", "Autopilot"),
        ],
      },
    ),
    entry(
      "self",
      {
        process: "Perspective-taking / self-as-context / self-compassion",
        definition:
          "Relating to self-descriptions from an observing perspective that is larger than any one story, and meeting one's own pain with kindness.",
        example: "There's a part of me telling the old 'failure' story, and I can watch it without it being all of me.",
        tags: [
          tag("self", "flexible", "self-as-context", "Self-as-context"),
          tag("self", "flexible", "perspective-taking", "Perspective-taking"),
          tag("self", "flexible", "self-compassion", "Self-compassion"),
        ],
      },
      {
        process: "Attachment to the conceptualized self",
        definition:
          "Rigid identification with a self-story — usually harsh and evaluative — treated as a fixed fact about who one is.",
        example: "I'm just the kind of person who ruins everything, I always have been.",
        tags: [
          tag("self", "inflexible", "harsh-self-story", "Harsh self-story"),
          tag("self", "inflexible", "self-criticism", "Self-criticism"),
          tag("self", "inflexible", "fixed-identity", "Fixed self-label"),
        ],
      },
    ),
    entry(
      "motivation",
      {
        process: "Chosen values",
        definition:
          "Behaviour guided by freely chosen, personally held qualities of action that give life meaning, rather than by approval or relief.",
        example: "Being a patient, present father matters to me, even on the days it's hard.",
        tags: [
          tag("motivation", "flexible", "chosen-values", "Chosen values"),
          tag("motivation", "flexible", "values-clarification", "Values clarification"),
          tag("motivation", "flexible", "intrinsic", "Intrinsic meaning"),
        ],
      },
      {
        process: "Pliance / avoidance-driven or unclear values",
        definition:
          "Acting to gain approval, obey social rules or avoid guilt and discomfort, or having no clear sense of what matters.",
        example: "I only go to the gym because everyone says I should, and I'd feel guilty if I didn't.",
        tags: [
          tag("motivation", "inflexible", "pliance", "Pliance"),
          tag("motivation", "inflexible", "avoidance-driven", "Avoidance-driven goals"),
          tag("motivation", "inflexible", "unclear-values", "Unclear values"),
        ],
      },
    ),
    entry(
      "overt_behavior",
      {
        process: "Committed action",
        definition:
          "Taking concrete, values-linked steps — and building larger patterns of them — while carrying whatever discomfort shows up.",
        example: "Tomorrow after lunch I'll email the landlord, even if my hands are shaking.",
        tags: [
          tag("overt_behavior", "flexible", "committed-action", "Committed action"),
          tag("overt_behavior", "flexible", "small-steps", "Concrete small steps"),
          tag("overt_behavior", "flexible", "valued-persistence", "Persistence in a valued direction"),
        ],
      },
      {
        process: "Inaction, impulsivity or avoidant persistence",
        definition:
          "Behavioural patterns that do not serve one's values: staying stuck, acting on impulse, or persisting rigidly in what is not working.",
        example: "I've been meaning to apply for months, but every evening I end up on the couch instead.",
        tags: [
          tag("overt_behavior", "inflexible", "inaction", "Inaction"),
          tag("overt_behavior", "inflexible", "impulsivity", "Impulsivity"),
          tag("overt_behavior", "inflexible", "avoidant-persistence", "Avoidant persistence"),
        ],
      },
    ),
  ],
};
