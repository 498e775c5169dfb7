/**
 * Common short forms of given names (English and German, the languages of the sessions Coflex imports).
 * A client called "Katherine" is "Kate" or "Katie" in the room, and a reviewer should not have to type
 * every form: the client's and the therapist's names expand through this table in both directions
 * (formal → short and short → formal and its siblings). Hand-written and small on purpose: a form that
 * belongs to several names ("Jo", "Alex", "Sam") is left out, because it would mislabel somebody else.
 * ("Chris" and "Ted" are out for that reason; "Kate" belongs to one family, however it is spelt.)
 */
const TABLE: Readonly<Record<string, readonly string[]>> = {
  alexander: ["sascha", "xander"],
  andrew: ["andy", "drew"],
  anthony: ["tony"],
  barbara: ["barb", "babs"],
  benjamin: ["ben", "benny"],
  catherine: ["cathy", "cat", "kate", "katie"],
  charles: ["charlie", "chuck"],
  christina: ["tina"],
  christopher: ["kit"],
  daniel: ["dan", "danny"],
  david: ["dave", "davey"],
  deborah: ["deb", "debbie"],
  edward: ["ed", "eddie", "ned"],
  elisabeth: ["lisa", "lis", "sissi", "elli"],
  elizabeth: ["liz", "lizzie", "beth", "betty", "eliza"],
  franziska: ["franzi"],
  friedrich: ["fritz"],
  gregory: ["greg"],
  jacob: ["jake"],
  james: ["jim", "jimmy", "jamie"],
  jennifer: ["jen", "jenny"],
  johannes: ["hannes"],
  john: ["johnny", "jack"],
  jonathan: ["jon", "jonny"],
  joseph: ["joe", "joey"],
  katharina: ["kathi", "katja", "kati"],
  katherine: ["kate", "katie", "kathy", "kat"],
  kathryn: ["kate", "katie", "kathy"],
  margaret: ["maggie", "meg", "peggy", "margo"],
  matthew: ["matt"],
  matthias: ["matze", "matti"],
  michael: ["mike", "mikey", "mick"],
  nicholas: ["nick", "nicky"],
  patricia: ["patty", "trish"],
  rebecca: ["becky", "becca"],
  richard: ["rick", "ricky", "dick", "rich"],
  robert: ["rob", "robbie", "bob", "bobby", "bert"],
  samantha: ["sammy"],
  stephanie: ["steph"],
  steven: ["steve"],
  stephen: ["steve"],
  susanne: ["susi", "sanne"],
  theodore: ["theo", "teddy"],
  thomas: ["tom", "tommy"],
  timothy: ["tim", "timmy"],
  victoria: ["vicky", "tori"],
  william: ["will", "bill", "billy", "liam"],
  wolfgang: ["wolf"],
};

const BY_SHORT = new Map<string, Set<string>>();
for (const [formal, shorts] of Object.entries(TABLE)) {
  for (const short of shorts) {
    const set = BY_SHORT.get(short) ?? new Set<string>();
    set.add(formal);
    BY_SHORT.set(short, set);
  }
}

/**
 * Short forms that are also ordinary English words. They are proposed only where a capital cannot be
 * explained by a sentence start ("Will you…?", "Rob a bank"), so "my friend Will" is found and "Will you"
 * is not.
 */
export const WORD_LIKE_FORMS: ReadonlySet<string> = new Set(["will", "bill", "rob", "bob", "cat", "kit", "dick", "rich", "ned", "wolf", "meg", "jack", "chuck", "drew", "bert", "babs"]);

/** The other forms of a lower-case given name: "katherine" → kate, katie, kathy, kat; "kate" → katherine, catherine, kathryn and their forms. */
export function otherForms(givenName: string): string[] {
  const out = new Set<string>(TABLE[givenName] ?? []);
  for (const formal of BY_SHORT.get(givenName) ?? []) {
    out.add(formal);
    for (const sibling of TABLE[formal] ?? []) out.add(sibling);
  }
  out.delete(givenName);
  return [...out];
}
