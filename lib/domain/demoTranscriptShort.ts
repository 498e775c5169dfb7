import type { SeedTranscript } from "./seedTranscript";

/**
 * SYNTHETIC: a 12-turn excerpt from a fictional session (social anxiety at work), written for the Coflex
 * project for tests — like ./demoTranscript, no real patient material and no information about any real
 * person.
 */
export const demoTranscriptShort: SeedTranscript = {
  title: "Demo excerpt — social anxiety at work (synthetic)",
  turns: [
    {
      speaker: "Therapist",
      role: "therapist",
      start: 2.4,
      end: 12.1,
      text: "Jordan, last week you mentioned the team lunch on Friday, the one you were nervous about. How did it go?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 14.1,
      end: 27.6,
      text: "I didn't go. I told them I had a deadline. I just knew I'd say something stupid and everyone would notice my face going red.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 28.9,
      end: 36.1,
      text: "So your mind predicted embarrassment, and skipping the lunch kept that feeling away. What happened afterwards?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 39.1,
      end: 53.6,
      text: "I ate at my desk and felt relieved for about ten minutes. Then I felt lonely, and I kept replaying how weird my excuse must have sounded.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 54.6,
      end: 63.4,
      text: "Relief first, then loneliness and replaying. Can you notice the thought \"I'll say something stupid\" right now, as a thought?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 66.4,
      end: 78.6,
      text: "I'm having the thought that I'll say something stupid. It's loud, but saying it like that makes it a little less of a fact.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 80.5,
      end: 91.4,
      text: "And if the blushing came too, could you make some room for it, the heat in your face, without needing it gone?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 95.4,
      end: 105.8,
      text: "I hate it, honestly. But I guess it's just heat. It passes. I don't have to fight it every time.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 107.2,
      end: 115.3,
      text: "What would going to lunch be in the service of? What matters to you about those people?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 120.3,
      end: 133.4,
      text: "I want to actually know the people I work with. I used to be the friend who organized game nights, and I miss being that person.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 134.8,
      end: 138.8,
      text: "What's one small step toward that this week?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 141.8,
      end: 155.0,
      text: "I'm scared, and I'm still going to ask Priya if she wants to get coffee on Wednesday. Even if my face goes red the whole time.",
    },
  ],
};
