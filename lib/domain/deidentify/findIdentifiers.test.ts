import { describe, expect, it } from "vitest";
import { findIdentifiers } from "./findIdentifiers";
import type { IdentifierCandidate } from "./types";

const found = (text: string) => findIdentifiers([{ text }]).map((c) => [c.kind, c.text, c.proposal]);
const pick = (candidates: IdentifierCandidate[]) => candidates.map((c) => [c.turnIndex, c.text, c.proposal]);

describe("finding identifiers", () => {
  it("finds emails, URLs with and without a scheme, and trims sentence punctuation from them", () => {
    expect(found("Mail a.b+c@clinic.example.org, or see https://example.org/x?y=1. Or www.example.net; or example.co.uk/page.")).toEqual([
      ["email", "a.b+c@clinic.example.org", "[EMAIL]"],
      ["url", "https://example.org/x?y=1", "[URL]"],
      ["url", "www.example.net", "[URL]"],
      ["url", "example.co.uk/page", "[URL]"],
    ]);
  });

  it("finds international and local phone formats", () => {
    for (const phone of ["+44 20 7946 0958", "+1 (212) 555-0147", "0044 7700 900123", "(415) 555-0132", "415.555.0132", "1-800-555-0199", "07700 900456", "020 7946 0018", "555-0143"]) {
      expect(found(`Call ${phone} today.`), phone).toEqual([["phone", phone, "[PHONE]"]]);
    }
  });

  it("finds numeric, written and weekday dates, but not a bare year, month or weekday", () => {
    const dates = ["12/03/2024", "2023-11-14", "04.09.1987", "3/5/24", "March 3rd, 2024", "3 March", "the 14th of June", "30 Nov 2023", "September 2022", "Friday, January 19, 2024", "Thursday the 8th"];
    for (const date of dates) expect(found(`It was ${date} I think.`), date).toEqual([["date", date, "[DATE]"]]);
    expect(found("In 2019, in March, on a Monday, I may 3 times call.")).toEqual([]);
    expect(found("It happened on 3/14 and I was 1/2 asleep.")).toEqual([["date", "3/14", "[DATE]"]]);
  });

  it("finds ID-like numbers: six or more digits, SSN, card, NHS-like and labelled MRN numbers, not short counts", () => {
    expect(found("MRN 12345 and MRN: 40021877")).toEqual([["id_number", "12345", "[ID]"], ["id_number", "40021877", "[ID]"]]);
    expect(found("SSN 078-05-1120, NHS number 943 476 5919, card 4111 1111 1111 1111, ref AB-7734091, 533380006.")).toEqual([
      ["id_number", "078-05-1120", "[ID]"],
      ["id_number", "943 476 5919", "[ID]"],
      ["id_number", "4111 1111 1111 1111", "[ID]"],
      ["id_number", "AB-7734091", "[ID]"],
      ["id_number", "533380006", "[ID]"],
    ]);
    expect(found("I slept 12345 minutes, 42 times, for 3 years.")).toEqual([]);
  });

  it("finds people by capitalisation and clues, not stop words, acronyms or sentence-initial common words", () => {
    expect(found("Yesterday I told Jenna about Dr. Okafor and CBT. Mum and God know. Therapy helps.")).toEqual([
      ["person", "Jenna", "[PERSON-1]"],
      ["person", "Okafor", "[PERSON-2]"],
    ]);
  });

  it("takes a sentence-initial name when a clue says it is one, or when it appears as a name elsewhere", () => {
    expect(found("Dana said no. Kofi and Lena came. Sarah Whitfield left. Marcus's car.")).toEqual([
      ["person", "Dana", "[PERSON-1]"],
      ["person", "Kofi", "[PERSON-2]"],
      ["person", "Lena", "[PERSON-3]"],
      ["person", "Sarah Whitfield", "[PERSON-4]"],
      ["person", "Marcus", "[PERSON-5]"],
    ]);
    expect(findIdentifiers([{ text: "Priya is fine." }]).length).toBe(0);
    expect(pick(findIdentifiers([{ text: "Priya is fine." }, { text: "I saw Priya." }]))).toEqual([[0, "Priya", "[PERSON-1]"], [1, "Priya", "[PERSON-1]"]]);
  });

  it("finds places after place words and from place-like parts of the name, and decides one kind per name", () => {
    expect(found("We drove from Bristol to Cardiff, then to St Mary's Hospital near Lake Tahoe. I talked to Noah in Leeds.")).toEqual([
      ["place", "Bristol", "[PLACE-1]"],
      ["place", "Cardiff", "[PLACE-2]"],
      ["place", "St Mary's Hospital", "[PLACE-3]"],
      ["place", "Lake Tahoe", "[PLACE-4]"],
      ["person", "Noah", "[PERSON-1]"],
      ["place", "Leeds", "[PLACE-5]"],
    ]);
    expect(found("I live in Leeds. Leeds is grey. My friend from Leeds called.").map((c) => c[0])).toEqual(["place", "place", "place"]);
  });

  it("finds street addresses as places", () => {
    expect(found("She lives at 42 Elm Street now.")).toEqual([["place", "42 Elm Street", "[PLACE-1]"]]);
  });

  it("gives the same pseudonym to the same name everywhere, and a lone first name the pseudonym of its full name", () => {
    const candidates = findIdentifiers([
      { text: "I met Sarah Whitfield and Tom." },
      { text: "Later Sarah called, and Tom didn't." },
      { text: "Tom is always late; I told Sarah." },
    ]);
    expect(pick(candidates)).toEqual([
      [0, "Sarah Whitfield", "[PERSON-1]"], [0, "Tom", "[PERSON-2]"],
      [1, "Sarah", "[PERSON-1]"], [1, "Tom", "[PERSON-2]"],
      [2, "Tom", "[PERSON-2]"], [2, "Sarah", "[PERSON-1]"],
    ]);
  });

  it("proposes [CLIENT] for the client's names the reviewer marked, including each part of a full name", () => {
    const candidates = findIdentifiers([{ text: "Dana Levi, you said Dana can't rest. Levi is your surname." }, { text: "Sam came too." }], { clientNames: ["Dana Levi"] });
    expect(pick(candidates)).toEqual([[0, "Dana Levi", "[CLIENT]"], [0, "Dana", "[CLIENT]"], [0, "Levi", "[CLIENT]"], [1, "Sam", "[PERSON-1]"]]);
  });

  it("flags names the reviewer adds even at a sentence start or when they are common words", () => {
    expect(pick(findIdentifiers([{ text: "Hope said hi. I hope you're well, Hope. Will you?" }], { extraNames: ["hope"] }))).toEqual([
      [0, "Hope", "[PERSON-1]"],
      [0, "Hope", "[PERSON-1]"],
    ]);
  });

  it("treats speaker names as names: the client speaker's as [CLIENT], the therapist's as [THERAPIST], others as people; role labels are not names", () => {
    const turns = [
      { speaker: "Dana", role: "client" as const, text: "I'm tired." },
      { speaker: "Sam", role: "therapist" as const, text: "Dana, what would Sam say? Ask the Therapist, or Priya." },
      { speaker: "Priya", role: "other" as const, text: "Hello." },
    ];
    expect(pick(findIdentifiers(turns))).toEqual([[1, "Dana", "[CLIENT]"], [1, "Sam", "[THERAPIST]"], [1, "Priya", "[PERSON-1]"]]);
    expect(pick(findIdentifiers(turns, { useSpeakerNames: false }))).toEqual([[1, "Sam", "[PERSON-1]"], [1, "Priya", "[PERSON-2]"]]);
  });

  it("gives the client speaker's short forms, titles, initial and possessive [CLIENT] without anyone typing them", () => {
    const turns = [
      { speaker: "Katherine Brandt", role: "client" as const, text: "Kate is what friends say; at work I'm Ms. Brandt or Katie B. and my mum's Kathy." },
      { speaker: "Therapist", role: "therapist" as const, text: "So Katherine's names change with the room." },
    ];
    expect(pick(findIdentifiers(turns))).toEqual([
      [0, "Kate", "[CLIENT]"], [0, "Ms. Brandt", "[CLIENT]"], [0, "Katie B.", "[CLIENT]"], [0, "Kathy", "[CLIENT]"],
      [1, "Katherine", "[CLIENT]"],
    ]);
  });

  it("finds the therapist's name with a title or a short form, and a short form that is a word only away from a sentence start", () => {
    const turns = [
      { speaker: "Dr. Robert Lang", role: "therapist" as const, text: "Rob the bank? No." },
      { speaker: "Jonas Weber", role: "client" as const, text: "Not really, Rob. Dr. Lang says Jonas W. is fine. Mr Weber, my dad, disagrees." },
    ];
    expect(pick(findIdentifiers(turns))).toEqual([
      [1, "Rob", "[THERAPIST]"], [1, "Dr. Lang", "[THERAPIST]"], [1, "Jonas W.", "[CLIENT]"], [1, "Mr Weber", "[CLIENT]"],
    ]);
  });

  it("takes employers and companies for organisations: legal forms, organisation words, employment cues, a lower-case employer", () => {
    expect(found("I've worked at Siemens for years; Acme GmbH and Northwind Inc. closed; my job at Vantor Systems; the university hospital is big.")).toEqual([
      ["org", "Siemens", "[ORG-1]"],
      ["org", "Acme GmbH", "[ORG-2]"],
      ["org", "Northwind Inc", "[ORG-3]"],
      ["org", "Vantor Systems", "[ORG-4]"],
    ]);
    expect(found("She works for Deutsche Bahn. He works at the university hospital, I work at the hospital.")).toEqual([
      ["org", "Deutsche Bahn", "[ORG-1]"],
      ["org", "university hospital", "[ORG-2]"],
    ]);
    // Not employers: a person one works with, a place one works in, a holiday.
    expect(found("I work with Dana in Leeds, and I worked at Easter.")).toEqual([["person", "Dana", "[PERSON-1]"], ["place", "Leeds", "[PLACE-1]"]]);
  });

  it("takes a stop word that is also a given name for a name right after a relationship word, not elsewhere", () => {
    expect(found("My friend Will says so. Will you? I may go in May.")).toEqual([["person", "Will", "[PERSON-1]"]]);
  });

  it("returns candidates in turn and text order with stable ids and offsets that point at the text", () => {
    const turns = [{ text: "Call 020 7946 0018 or mail x@y.org." }, { text: "On 2 August I saw Amir." }];
    const candidates = findIdentifiers(turns);
    expect(candidates.map((c) => c.id)).toEqual(["phone:0:5-18", "email:0:27-34", "date:1:3-11", "person:1:18-22"]);
    for (const c of candidates) expect(turns[c.turnIndex]?.text.slice(c.start, c.end)).toBe(c.text);
    expect(findIdentifiers(turns)).toEqual(candidates);
  });
});
