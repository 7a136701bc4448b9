/**
 * Name normalisation for cross-article person resolution. Generic rules, no lists of people:
 * - fold: diacritics, case, punctuation, titles and honorifics removed;
 * - transliteration form: spelling variants of romanised names collapse ("Sergey"/"Sergei",
 *   "Aleksandr"/"Alexander" -> close forms, "Dmitriy"/"Dmitry" -> same);
 * - skeleton: the consonant frame after the first letter ("Volodymyr"/"Vladimir" -> "vldmr"),
 *   a blocking key that is coarse on purpose; the finer check is `similarNames`.
 */

const HONORIFIC_OR_TITLE = new Set(
  (
    'mr mrs ms miss mx dr prof sir dame lord lady rev hon president pres prime minister foreign secretary ' +
    'general gen sen senator rep gov governor mayor king queen prince princess sheikh emir sultan pope ' +
    'chancellor ambassador judge justice chief deputy vice premier colonel col captain capt lieutenant lt ' +
    'sergeant sgt admiral adm commander officer inspector professor doctor saint st mme'
  ).split(' '),
);

/** Generational and similar suffixes that are not the surname. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'junior', 'senior']);

/** Lower case, diacritics folded, apostrophes/dots dropped, hyphens to spaces. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıİ]/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/['’`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The name's word tokens without titles, honorifics or generational suffixes. */
export function nameTokens(name: string): string[] {
  const words = foldText(name).split(' ').filter(Boolean);
  let start = 0;
  while (start < words.length - 1 && HONORIFIC_OR_TITLE.has(words[start]!)) start++;
  let end = words.length;
  while (end > start + 1 && SUFFIXES.has(words[end - 1]!)) end--;
  return words.slice(start, end);
}

/**
 * Transliteration-normal form of one folded word: the usual alternations of romanised Slavic, Arabic,
 * Turkic and other names mapped to one spelling.
 */
export function translit(word: string): string {
  let w = word
    .replace(/kh/g, 'h')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?!h)/g, 'k')
    .replace(/dzh|dj/g, 'j')
    .replace(/tch|tsch/g, 'ch')
    .replace(/ou/g, 'u')
    .replace(/y/g, 'i')
    .replace(/j(?=[aeiou])/g, 'i');
  w = w.replace(/(ii|ij|iy|ei)$/g, 'i'); // -yy / -iy / -ei endings: Yuriy / Yurii / Sergei
  w = w.replace(/(.)\1+/g, '$1'); // doubled letters
  w = w.replace(/([^aeiou])er$/, '$1r'); // Alexander / Aleksandr
  return w;
}

/** Consonant skeleton: first letter kept, then consonants only ("volodimir" -> "vldmr"). */
export function skeleton(word: string): string {
  const t = translit(word);
  return (t.charAt(0) + t.slice(1).replace(/[aeiou]/g, '')).replace(/(.)\1+/g, '$1');
}

export interface ParsedName {
  tokens: string[];
  /** Transliteration forms of the tokens. */
  forms: string[];
  first?: string;
  surname: string;
}

export function parseName(name: string): ParsedName | undefined {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return undefined;
  const forms = tokens.map(translit);
  const surname = forms[forms.length - 1]!;
  return { tokens, forms, surname, ...(forms.length > 1 ? { first: forms[0]! } : {}) };
}

/** Levenshtein distance, bounded: returns max+1 as soon as it must exceed max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Two transliteration forms of one word: equal, same skeleton and close, or close enough overall. */
export function similarWord(a: string, b: string): boolean {
  if (a === b) return true;
  const limit = Math.max(a.length, b.length) >= 8 ? 2 : 1;
  const d = editDistance(a, b, limit + 1);
  if (d <= limit) return true;
  return skeleton(a) === skeleton(b) && d <= limit + 1 && Math.min(a.length, b.length) >= 5;
}

/**
 * Same person by name? Surnames must be similar; first names must be similar or an initial of one
 * another; a missing first name (surname-only mention) is compatible and decided by the caller.
 */
export function similarNames(a: ParsedName, b: ParsedName): boolean {
  if (!similarWord(a.surname, b.surname)) return false;
  if (!a.first || !b.first) return true;
  if (a.first.length === 1 || b.first.length === 1) return a.first.charAt(0) === b.first.charAt(0);
  if (similarWord(a.first, b.first)) return true;
  // A short form for the full given name ("Bernie" / "Bernard") is a weaker sign: the rest of the
  // name must be the same words (not "Alex Bell" for "Alexander Graham Bell", nor "Dee" for "Doe").
  return (
    a.surname === b.surname &&
    a.tokens.length === b.tokens.length &&
    a.forms.slice(1).every((form, i) => form === b.forms[i + 1]) &&
    sameGivenName(a.tokens[0]!, b.tokens[0]!)
  );
}

/**
 * Common English short forms of given names and the names they stand for: reporters write "Bernie" or
 * "Bernard", "Bill" or "William" for one person. A public-knowledge list of names, not of people; the
 * gender veto and the surname still decide (a "Chris" fits a Christopher and a Christine).
 */
const SHORT_FORMS: Record<string, string> = {
  william: 'bill billy will willie willy',
  robert: 'bob bobby rob robbie bert',
  richard: 'dick rick ricky rich richie',
  edward: 'ed eddie ted ned',
  edmund: 'ed',
  james: 'jim jimmy jamie',
  john: 'jack johnny',
  michael: 'mike mick mickey',
  anthony: 'tony',
  thomas: 'tom tommy',
  joseph: 'joe joey',
  charles: 'charlie chuck',
  christopher: 'chris',
  christine: 'chris chrissie',
  christina: 'chris',
  daniel: 'dan danny',
  david: 'dave davy',
  donald: 'don',
  douglas: 'doug',
  elizabeth: 'liz lizzie beth betty eliza',
  frederick: 'fred freddie',
  gerald: 'gerry jerry',
  gregory: 'greg',
  henry: 'harry hank',
  jennifer: 'jen jenny',
  katherine: 'kate kathy katie',
  catherine: 'kate cathy katie',
  kathleen: 'kathy',
  kenneth: 'ken kenny',
  lawrence: 'larry',
  laurence: 'larry',
  leonard: 'len lenny',
  margaret: 'maggie meg peggy',
  matthew: 'matt',
  nicholas: 'nick nicky',
  patrick: 'pat paddy',
  patricia: 'pat patty trish',
  peter: 'pete',
  philip: 'phil',
  phillip: 'phil',
  raymond: 'ray',
  ronald: 'ron ronnie',
  samuel: 'sam sammy',
  samantha: 'sam',
  stephen: 'steve',
  steven: 'steve',
  susan: 'sue susie',
  terence: 'terry',
  timothy: 'tim',
  victoria: 'vicky',
  alexander: 'alex sandy',
  alexandra: 'alex',
  andrew: 'andy drew',
  benjamin: 'ben',
  bernard: 'bernie',
  deborah: 'debbie deb',
  albert: 'al bert',
  alfred: 'alf alfie',
  jacob: 'jake',
  jeffrey: 'jeff',
  geoffrey: 'geoff jeff',
  joshua: 'josh',
  nathaniel: 'nat nate',
  rebecca: 'becky',
  theodore: 'ted teddy theo',
  vincent: 'vince',
  walter: 'walt',
  judith: 'judy',
};
/** Folded short form -> the full given names it stands for. */
const FULL_NAMES_OF = new Map<string, Set<string>>();
for (const [full, shorts] of Object.entries(SHORT_FORMS)) {
  for (const short of shorts.split(' ')) {
    const set = FULL_NAMES_OF.get(short) ?? new Set<string>();
    set.add(full);
    FULL_NAMES_OF.set(short, set);
  }
}

/**
 * One given name written two ways: one is a full name and the other a short form of it ("bernard" /
 * "bernie"). Two short forms of one name are not taken as one ("Will" and "Bill" Smith may be two men).
 */
export function sameGivenName(a: string, b: string): boolean {
  return FULL_NAMES_OF.get(b)?.has(a) === true || FULL_NAMES_OF.get(a)?.has(b) === true;
}

/** Blocking key: the surname's skeleton. Variants of one surname share it. */
export function blockingKey(parsed: ParsedName): string {
  return skeleton(parsed.surname);
}

/** Stable id for a person: first-name skeleton + surname form ("vldmr-putin"). */
export function personId(parsed: ParsedName): string {
  return parsed.first ? `${skeleton(parsed.first)}-${parsed.surname}` : parsed.surname;
}
