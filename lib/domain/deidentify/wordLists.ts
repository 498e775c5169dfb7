/**
 * Word lists for the name heuristics. Hand-written for therapy dialogue; no gazetteer and no dictionary,
 * so they stay small enough to read and to extend when a review shows a miss.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/).map((w) => w.toLowerCase()));

/** Capitalised words that are not names: sentence openers, pronouns, days, months, faith, holidays, brands, therapy terms. */
export const NOT_NAMES = words(`
  i i'm i've i'd i'll me my mine myself we we're we've our ours us you you're you've your yours he he's him his she she's her hers
  it it's its they they're them their this that these those there here what what's who whom whose which where when why how
  the a an and but or nor so yet if then than because although though while whilst as at by for from in into of off on onto
  out over to up with without about above after against along among around before behind below beneath beside between beyond
  during except inside near since through throughout till toward towards under until upon within
  yes no yeah yep nope okay ok oh ah um uh er erm hmm mm hm well right sure maybe perhaps really honestly actually basically
  literally obviously anyway anyways also just even still only again always never sometimes often usually ever already soon
  now later today tonight tomorrow yesterday lately recently once twice first second third last next finally eventually
  please thanks thank sorry hi hello hey bye goodbye good great fine nice wow gosh
  everyone everybody everything nobody nothing noone someone somebody something anyone anybody anything nowhere somewhere
  anywhere everywhere all both each every either neither none some any many much more most less least few several other another
  such same own not don't doesn't didn't can't couldn't won't wouldn't shouldn't isn't aren't wasn't weren't haven't hasn't hadn't
  let let's tell think imagine notice try see look listen say said ask take give go come get make keep stay feel do does did
  is are was were be been being am have has had will would shall should can could may might must
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends
  january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  spring summer autumn fall winter weekend weekday morning afternoon evening night
  mum mom mummy mommy dad daddy mother father parents parent sister brother son daughter husband wife partner boyfriend girlfriend
  grandma grandpa granny grandad grandmother grandfather nan nana gran auntie aunt uncle cousin baby kids kid family
  god lord jesus christ allah bible church heaven hell
  christmas easter halloween thanksgiving ramadan eid diwali hanukkah passover xmas new year's
  english british american french german spanish italian polish irish scottish welsh dutch chinese indian african european asian
  internet online email phone tv netflix google facebook instagram whatsapp twitter tiktok youtube zoom teams spotify amazon
  iphone android uber tinder snapchat linkedin reddit
  therapist client patient counsellor counselor clinician doctor nurse therapy session sessions acceptance commitment mindfulness
  values value defusion compassion self flexibility exposure homework worksheet workbook exercise
  hospital clinic school work college university office home
  mr mrs ms miss mx dr prof
`);

/** Words before a name that mark a person; the name follows them ("Dr. Okafor", "Coach Daniels", "Grandma Rosa"). */
export const TITLES = words(`
  mr mrs ms miss mx dr doctor prof professor father fr sister brother rev reverend pastor rabbi imam coach officer nurse judge
  grandma grandpa granny grandad nana nan gran auntie aunt uncle cousin sir lady lord dame captain
`);

/** Lower-case words right before a name that make it a person ("my sister Priya", "told Jenna"). */
export const PERSON_BEFORE = words(`
  sister brother mum mom dad mother father son daughter husband wife partner boyfriend girlfriend fiance fiancé fiancee ex
  friend mate boss manager colleague coworker co-worker teacher tutor therapist counsellor counselor psychiatrist doctor gp
  nurse neighbour neighbor cousin aunt uncle niece nephew grandson granddaughter stepdad stepmum stepmom kid child baby
  told tell telling tells asked ask asking called call calling texted text texting emailed met meet meeting saw see seeing
  hugged kissed married dating dated love loves loved hate hates hated miss misses missed trust trusts blame blamed about
  with and named called
`);

/** Verbs right after a name that make it a person ("Dana said", "Kofi and …"). */
export const PERSON_AFTER = words(`
  said says say told tells asked asks texted texts called calls rang rings thinks thought wants wanted came comes went goes
  left leaves yelled yells shouted shouts cried cries laughed laughs knows knew loves loved hates hated feels felt tried tries
  doesn't didn't won't can't never always keeps kept seems seemed noticed notices and
`);

/** Words that make a capitalised group a place when they are part of it ("Victoria Park", "Lake Tahoe"). */
export const PLACE_PARTS = words(`
  street st road rd avenue ave lane drive boulevard way court place close crescent terrace square park gardens grove
  hospital clinic surgery practice centre center school academy college university primary secondary high church chapel
  mosque synagogue temple cathedral station airport library museum market mall hotel inn pub bar café cafe restaurant
  lake river mount mountain hill hills valley bay beach island isle forest woods heath common bridge harbour harbor port
  county city town village district borough shire ward estate heights fort cape
`);

/** Prepositions after which a capitalised word is usually a place. */
export const PLACE_BEFORE = words(`in near around outside across through towards toward inside within`);

/** Verbs of moving: with them, "to X" and "from X" are places ("moved to Portland", "drove from Bristol"). */
export const MOTION = words(`
  moved move moving moves went go going goes drove drive driving flew fly flying travelled traveled travel travelling traveling
  trip came come coming walked walk relocated headed heading holiday vacation back grew raised born live lives lived living
  visit visiting visited
`);

/** Things that come from a person rather than a place ("a text from Dana"). */
export const FROM_PERSON = words(`text message call email letter note present gift card visit help advice hug voicemail`);

/**
 * Legal-form suffixes: a capitalised run followed by one of these is a company ("Acme GmbH", "Northwind
 * Inc"). Matched with their usual casing, since "co" or "sa" in lower case are ordinary words.
 */
export const ORG_SUFFIX = /^(?:GmbH|AG|SE|KG|UG|Ltd|Limited|Inc|LLC|LLP|plc|PLC|Corp|Co|SA|NV|BV|Pty)$/;

/**
 * Words that make a capitalised run an organisation when they are part of it ("Deutsche Bahn", "Vantor
 * Systems", "Halvorsen Partners"). Institutions that are also places (hospital, school, church) stay in
 * PLACE_PARTS: they are places unless an employment cue says they are somebody's employer.
 */
export const ORG_PARTS = words(`
  bank bahn telekom post versicherung insurance group gruppe holdings holding technologies technology consulting consultants
  solutions systems partners associates motors airlines airways pharma pharmaceuticals labs laboratories software media energy
  foods logistics industries deutsche stadtwerke gmbh ltd inc llc plc corp corporation
`);

/**
 * Employment cues, by the preposition that follows them: "works at X", "employed by X", "fired from X",
 * "an interview with X" make X an employer. "with" counts only after interview-like words, so "I work
 * with Dana" keeps Dana a person.
 */
export const EMPLOYER_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
  at: words(`work works worked working job jobs employed intern internship placement apprenticeship shift shifts manager boss colleague colleagues employee staff interview interviewing contract`),
  for: words(`work works worked working`),
  with: words(`interview interviewing internship placement contract apprenticeship`),
  by: words(`employed hired fired`),
  from: words(`fired retired resigned off`),
};

/** Verbs that take an employer straight after them ("joined Siemens", "quit Bosch"). */
export const EMPLOYER_VERBS = words(`joined quit`);

/**
 * Words the stop list keeps out (modals, months, virtues) that are also given names. After a relationship
 * word and away from a sentence start they are names ("my friend Will", "my sister May").
 */
export const NAME_LIKE_WORDS = words(`will may mark hope joy faith grace april june august rose dawn`);

/** Relationship words right before a name ("my friend Will"), the strongest person clue in PERSON_BEFORE. */
export const RELATION_BEFORE = words(`
  sister brother mum mom dad mother father son daughter husband wife partner boyfriend girlfriend fiance fiancé fiancee
  friend mate boss manager colleague coworker co-worker neighbour neighbor cousin aunt uncle niece nephew
`);
