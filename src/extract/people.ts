/**
 * Person detection in one article: capitalised name sequences with their titles, roles and
 * nationality, in-document coreference (surname-only, title + surname, first-name-only mentions) and
 * gender from honorifics, first names and nearby pronouns. Pure, rule-based and linear in text length.
 *
 * Role and nationality `country` values are canonical country NAMES from the gazetteer; the document
 * orchestrator maps them to Country local ids.
 */
import { COMPANY_NOUNS, FACILITY_HEADS, ORGANIZATION_HEADS, REGION_HEADS } from './gazetteer-supplement.js';
import {
  countryForDemonym,
  countryForDemonymPlural,
  countryForModifier,
  countryForName,
  isKnownOrganization,
  isKnownPlace,
} from './gazetteer.js';
import {
  AMBIGUOUS_FIRST_NAMES,
  GENDERED_TITLES,
  HONORIFICS,
  NON_NAME_WORDS,
  ROLE_NOUNS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
  firstNameGender,
  hasWorldGenderOnly,
  isKnownFirstName,
} from './person-lexicon.js';
import { foldName, sentenceAt, writtenInLowerCase } from './text.js';
import type { EntityRecord, RoleRecord, Sentence, Span } from './types.js';

type Gender = 'male' | 'female';

interface Word {
  text: string;
  /** Lower case, without a trailing dot or possessive. */
  key: string;
  start: number;
  end: number;
  possessive: boolean;
}

/** One person as it is being assembled. */
interface PersonDraft {
  name: string;
  tokens: string[];
  mentions: Span[];
  aliases: Set<string>;
  roles: RoleRecord[];
  nationality?: string;
  gender?: Gender;
  /** The gender came only from the first-name list, which pronouns in the text may overrule. */
  weakGender?: boolean;
  first: number;
}

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|(?:al|el|d|O)['’-]\p{Lu}[\p{L}\p{M}'’-]*)`;
const PARTICLE = String.raw`(?:de|da|di|du|van|von|der|den|la|le|bin|ibn|dos|das|del|della|ter|ten|st\.)`;
/** A run of capitalised words (with name particles between them) on one line. */
// A soft hyphen after a space is invisible on the page ("Doug \u00adAndres" reads "Doug Andres").
const CAPITALISED_RUN = new RegExp(
  `${NAME_WORD}(?:[ \\u00a0]\\u00ad?(?:${PARTICLE}[ \\u00a0])*${NAME_WORD})*`,
  'gu',
);

/** Function words that title case capitalises ("Clinton Goes After Trump As The New Romney"). */
const TITLE_CASE_FUNCTION_WORD =
  /^(?:The|A|An|Of|In|On|At|To|For|And|Or|But|With|After|Before|As|Over|Into|From|By|About|Against|Amid|Vs|Is|Are|Was|Were|Be|Up|Out|Off|Down|Than|Via|Per|His|Her|Their|Its|Our|My|Your|It|He|She|They|We|I|You|Not|No|Could|Would|Should|Can|Must|Might|Has|Have|Had|Says|Said|Tells|Told)$/;

/**
 * Start offsets of the lines written in title case (headlines): four or more words, four in five
 * capitalised, and a capitalised function word after the first word. The runs of such a line are cut
 * at its function words, or "X Y Goes After Z W" would be one run and nobody's name.
 */
function titleCaseLines(text: string): Set<number> {
  const starts = new Set<number>();
  for (const line of text.matchAll(/[^\n]+/g)) {
    const words = line[0].match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    if (words.length < 4 || line[0] === line[0].toUpperCase()) continue;
    const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (capitalised < 0.8 * words.length) continue;
    if (words.slice(1).some((w) => TITLE_CASE_FUNCTION_WORD.test(w))) starts.add(line.index);
  }
  return starts;
}

/**
 * The names in a piece of a headline between function words. Headlines capitalise verbs and nouns
 * too, so a name must hold a known first name: the longest stretch around it that the article also
 * writes elsewhere ("Norbert Leo Butz" of "Star Norbert Leo Butz Opens Up"), else the first name and
 * the word after it (with a middle initial) when that word is no common word the article writes in
 * lower case ("Hillary Clinton" of "Hillary Clinton Goes", not "Hillary Will"). A single word is kept;
 * other runs are dropped ("Sanders Aren't Butting Heads").
 */
function headlineNames(
  text: string,
  piece: string,
  at: number,
  offset: number,
): { index: number; text: string }[] {
  const words = [...piece.matchAll(/\S+/g)].map((m) => ({ index: m.index, text: m[0] }));
  if (words.length === 1) return [{ index: at, text: piece }];
  const stretch = (from: number, to: number): { index: number; text: string } => ({
    index: at + words[from]!.index,
    text: piece.slice(words[from]!.index, words[to]!.index + words[to]!.text.length),
  });
  const writtenElsewhere = (name: string, index: number): boolean => {
    for (let found = text.indexOf(name); found >= 0; found = text.indexOf(name, found + 1)) {
      const bounded =
        !/\p{L}/u.test(text.charAt(found - 1)) && !/\p{L}/u.test(text.charAt(found + name.length));
      if (found !== index && bounded) return true;
    }
    return false;
  };
  const names: { index: number; text: string }[] = [];
  // ("10:57PMChris Christie", "CravenFlagShare": words glued by a scraper end a stretch)
  const glued = (w: { text: string }): boolean => /\p{Ll}{3}\p{Lu}|^\p{Lu}{2,}\p{Ll}/u.test(w.text);
  for (let i = 0; i < words.length; i++) {
    if (!isKnownFirstName(wordKey(words[i]!.text)) || glued(words[i]!)) continue;
    let best: { from: number; to: number } | undefined;
    for (let length = Math.min(4, words.length); length >= 2 && !best; length--) {
      for (let from = Math.max(0, i - length + 1); from <= i && from + length <= words.length; from++) {
        const candidate = stretch(from, from + length - 1);
        if (words.slice(from, from + length).some(glued)) continue;
        if (writtenElsewhere(candidate.text, offset + candidate.index)) {
          best = { from, to: from + length - 1 };
          break;
        }
      }
    }
    if (!best && i < words.length - 1) {
      let to = i + 1;
      if (/^\p{Lu}\.$/u.test(words[to]!.text) && to < words.length - 1) to++;
      const surname = words[to]!.text;
      const key = surname.toLowerCase();
      const common = [key, key.replace(/s$/, ''), key.replace(/es$/, '')].some(
        (stem) => stem.length > 1 && writtenInLowerCase(text, stem),
      );
      const nameShaped = /^\p{Lu}\p{Ll}*(?:[-'’]\p{Lu}\p{Ll}+)*(?:['’]s)?$/u.test(surname);
      if (!common && nameShaped && !glued(words[to]!)) best = { from: i, to };
    }
    if (!best) continue;
    names.push(stretch(best.from, best.to));
    i = best.to;
  }
  return names;
}

/** The capitalised runs of a sentence; on a title-case line, cut at its function words. */
function runsOf(
  text: string,
  sentence: Sentence,
  titleCaseAt: Set<number>,
): { index: number; text: string }[] {
  const runs: { index: number; text: string }[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(CAPITALISED_RUN)) {
    const lineStart = text.lastIndexOf('\n', sentence.start + m.index - 1) + 1;
    if (!titleCaseAt.has(lineStart)) {
      runs.push({ index: m.index, text: m[0] });
      continue;
    }
    let pieceStart = -1;
    const flush = (endIndex: number): void => {
      if (pieceStart >= 0)
        runs.push(
          ...headlineNames(
            text,
            m[0].slice(pieceStart, endIndex).trimEnd(),
            m.index + pieceStart,
            sentence.start,
          ),
        );
      pieceStart = -1;
    };
    for (const w of m[0].matchAll(/\S+/g)) {
      if (TITLE_CASE_FUNCTION_WORD.test(w[0])) flush(w.index);
      else if (pieceStart < 0) pieceStart = w.index;
    }
    flush(m[0].length);
  }
  return runs;
}

/** Kinship and other role nouns that carry a gender ("her son X"). */
const ROLE_GENDER: Readonly<Record<string, Gender>> = {
  son: 'male',
  father: 'male',
  husband: 'male',
  brother: 'male',
  boyfriend: 'male',
  grandfather: 'male',
  uncle: 'male',
  nephew: 'male',
  businessman: 'male',
  spokesman: 'male',
  // (no "chairman": the title is a woman's too, "UKIP chairman Petrina Holdsworth ... She said")
  daughter: 'female',
  mother: 'female',
  wife: 'female',
  sister: 'female',
  girlfriend: 'female',
  grandmother: 'female',
  aunt: 'female',
  niece: 'female',
  businesswoman: 'female',
  spokeswoman: 'female',
  chairwoman: 'female',
  actress: 'female',
};

const PRONOUN_GENDER: Readonly<Record<string, Gender>> = {
  he: 'male',
  him: 'male',
  his: 'male',
  himself: 'male',
  she: 'female',
  her: 'female',
  hers: 'female',
  herself: 'female',
};

/**
 * A gendered kinship noun after a possessive right before a one-word name, with or without a comma:
 * "her husband, Karim,", "his daughter Maya": the name is a person's (first name only), and the gender.
 */
function kinBefore(text: string, start: number): Gender | undefined {
  // ("her eldest daughter, Lina", "his late wife Ana": one adjective may stand before the noun)
  const m = /\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:\p{Ll}+\s+)?(\p{Ll}+),?\s+$/u.exec(
    text.slice(Math.max(0, start - 40), start),
  );
  return m ? ROLE_GENDER[m[1]!] : undefined;
}

/** An inverted attribution right before the run: '"...," said X Y' / '..., says X Y.' */
const REPORTING_BEFORE =
  /[,"”’]\s*(?:said|says|added|adds|explained|explains|noted|notes|asked|asks|replied|replies|recalled|recalls|insisted|insists|wrote|writes|told|tells|warned|warns|argued|argues)\s+((?:[a-z-]+\s+){0,3})$/;
/** Person nouns by their ending ("tenant", "volunteer", "organizer", "chairwoman"). */
const PERSON_NOUN_ENDING = /(?:er|or|ist|ian|ant|ent|man|woman|person)$/;

/**
 * '"...," said X Y' and '"...," said tenant X Y': the cue right before the run, or lower-case words
 * between them that end in a person noun (a description of the speaker, not "said that X").
 */
function reportedBefore(text: string, start: number): boolean {
  const m = REPORTING_BEFORE.exec(text.slice(Math.max(0, start - 50), start));
  if (!m) return false;
  const between = m[1]!.trim();
  if (!between) return true;
  const head = between.split(/\s+/).at(-1)!;
  return ROLE_NOUNS.has(head) || TITLE_HEADS.has(head) || PERSON_NOUN_ENDING.test(head);
}
const REPORTING_NEXT =
  /^,?\s+(?:\w+ly\s+)?(?:said|says|told|tells|added|adds|explained|noted|argued|wrote|asked|replied|stated|warned|insisted|recalled|tweeted|claimed|met|visited|spoke|urged|thanked|praised|criticised|criticized)\b/;
/** A description set off after a name, then a cue: ", executive director of X - its creditor - said". */
const CUE_AFTER_DESCRIPTION =
  /^,\s+[^.!?"“”]{2,140}?(?:,|\s[-–—])\s+(?:said|says|told|tells|added|adds|explained|noted|wrote|warned|insisted)\b/;
/** The next sentence goes on about the run with a personal pronoun: "X Y ran the ferry. He knew ...". */
const PRONOUN_NEXT = /^[^.!?]{0,200}[.!?]["”’]?\s+(?:He|She|His|Her)\b/;
const APPOSITIVE_NEXT = /^,\s+(?:a|an|the|who|whose|\d+)\b/;
/** The next sentence is a quotation its speaker closes with a pronoun: "X Y ran the ferry. "...," she said." */
const QUOTED_PRONOUN_NEXT =
  /^[^.!?]{0,200}[.!?]["”’]?\s+["“][^"“”]{1,400}["”]\s*(?:he|she)\s+(?:said|says|added|adds|explained|explains|told|tells)\b/;
/** Surnames that are also the last word of a place or building ("Jenna Park", "Tom Hall", "Ed Church"). */
const SURNAME_HOMOGRAPHS = new Set(['Park', 'Hall', 'Church', 'Camp', 'Plant', 'Tower', 'Street', 'Temple']);

/**
 * "said Jenna Park", "Tom Hall, a lawyer,": a known first name and a surname that also ends place
 * names, taken for a person only where the context says so (a cue, a role, an appositive).
 */
function surnameHomograph(text: string, words: Word[]): Word[] | undefined {
  if (words.length !== 2 || !SURNAME_HOMOGRAPHS.has(nameText(words[1]!))) return undefined;
  if (
    !isKnownFirstName(words[0]!.key) ||
    NON_NAME_WORDS.has(words[0]!.key) ||
    words.some((w) => w.possessive)
  )
    return undefined;
  const end = words[1]!.start + nameText(words[1]!).length;
  const after = text.slice(end, end + 40);
  const person =
    REPORTING_NEXT.test(after) ||
    (/^\s*(?:[.,;:!?)]|$)/.test(after) && reportedBefore(text, words[0]!.start)) ||
    /^,\s+\d{1,3},/.test(after) ||
    roleAfter(text, end) !== undefined ||
    roleBefore(text, words[0]!.start) !== undefined ||
    roleAppositive(text, end);
  return person ? words : undefined;
}

/** Sentences after a speaker going on about them with "he"/"she": either one starting the next sentence,
 * or a quotation closed by "he said" (within about two sentences). */
const HE_OR_SHE_NEXT =
  /^[^.!?]{0,200}[.!?]["”’]?\s+(?:(?:He|She)\b|["“][^"“”]{1,400}["”]\s*(?:he|she)\s+(?:said|says|added|adds|explained|explains|told|tells)\b)/;

/** The gender of the "he"/"she" that goes on about a name (HE_OR_SHE_NEXT), if any. */
function pronounAfter(text: string, end: number): 'male' | 'female' | undefined {
  const m = HE_OR_SHE_NEXT.exec(text.slice(end, end + 700));
  // (not across another person named on the way: "Shell said ... Ms Boynton's contract. She ...")
  if (!m || /\b(?:Mr|Mrs|Ms|Dr)\.?\s+\p{Lu}|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(m[0])) return undefined;
  return /\b(?:She|she)\s*(?:said|says|added|adds|explained|explains|told|tells)?\b[^\p{L}]*$/u.test(m[0]) ||
    /[.!?]["”’]?\s+She\b/.test(m[0])
    ? 'female'
    : 'male';
}

/**
 * A capitalised word standing alone as a person: an unlisted one with an age ("Henson, 23,"), or any
 * (a first name too) as the speaker of a cue whom "he"/"she" goes on about with nobody else named
 * between ("Parry explained. ... He added"). A body would be "it"; a known place, body or common word
 * is never one.
 */
function loneSurnamePerson(text: string, word: Word): boolean {
  const raw = nameText(word);
  if (word.possessive || raw.length < 3 || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(raw)) return false;
  if (NON_NAME_WORDS.has(word.key) || AMBIGUOUS_FIRST_NAMES.has(word.key) || isPlaceOrOrg(raw)) return false;
  if (countryForDemonym(raw) || NON_PERSON_LAST_WORDS.has(raw) || writtenInLowerCase(text, word.key))
    return false;
  // ("Department for Culture, Media and Sport said": the last word of a body's name)
  if (/\b(?:and|of|for|the|&)\s+$/i.test(text.slice(Math.max(0, word.start - 6), word.start))) return false;
  const end = word.start + raw.length;
  const after = text.slice(end, end + 40);
  // (not before "who": firms get one too, "Sony, IBM and Toshiba, who ..."; a first name with an age
  // is a person of loneFirstNameSpeaker's)
  if (!isKnownFirstName(word.key) && /^,\s+\d{1,3},/.test(after)) return true;
  const speaks =
    REPORTING_NEXT.test(after) || (/^\s*(?:[.,;:!?)]|$)/.test(after) && reportedBefore(text, word.start));
  return speaks && pronounAfter(text, end) !== undefined;
}

/**
 * A known first name standing alone as a person: before a person appositive ("Michelle, a mother of
 * twins,", "Sarah, who asked that ..."). Not a word that is also a common word or ambiguous, nor one another person's first
 * name already is (that is a mention of that person).
 */
function loneFirstNameSpeaker(text: string, word: Word, firstNameTaken: boolean): boolean {
  if (firstNameTaken || word.possessive || !isKnownFirstName(word.key)) return false;
  if (NON_NAME_WORDS.has(word.key) || AMBIGUOUS_FIRST_NAMES.has(word.key)) return false;
  const end = word.start + nameText(word).length;
  const after = text.slice(end, end + 40);
  // The lists hold rare names that are also firms' names ("Shell said", "Renault said"): a verb after
  // the word is no evidence, a description of a person is.
  // A photo caption's position ("Judy, centre,") is no description, though "centre" is a player's role.
  if (
    /^,\s+(?:(?:far|second|third|from|the)\s+)*(?:left|right|centre|center|front|back|rear|middle|top|bottom)\b/i.test(
      after,
    )
  )
    return false;
  return roleAppositive(text, end) || /^,\s+who\b/.test(after);
}

/** A lower-case word after a name that is a verb rather than the head noun of a longer phrase. */
const FINITE_VERB_NEXT = /^\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|s)\b/u;
/** An appositive set off by commas, up to its closing comma: "X Y, nutrition manager with Z," */
const APPOSITIVE_PHRASE = /^,\s+([^,.;:!?"“”()\n]{2,90}),/;
/** Where an appositive's head ends: before a complement ("manager with ...", "researcher at ..."). */
const APPOSITIVE_COMPLEMENT = /\s(?:of|with|at|for|in|from|on|to)\s/;

/**
 * An appositive headed by a role noun or office title after a name: "X Y, Elm Lake MP,", "X Y, health
 * promotion manager with Z,", "X Y, paediatrician and researcher at Z,": the name is a person's.
 */
function roleAppositive(text: string, nameEnd: number): boolean {
  const m = APPOSITIVE_PHRASE.exec(text.slice(nameEnd, nameEnd + 100));
  if (!m) return false;
  const phrase = m[1]!;
  const complement = APPOSITIVE_COMPLEMENT.exec(phrase);
  const core = complement ? phrase.slice(0, complement.index) : phrase;
  // A clause ("of which he is a member", "who ...") is no appositive noun phrase.
  if (APPOSITIVE_NON_NOUN_OPENER.test(core)) return false;
  // Written in lower case, or an abbreviation ("MP"): a capitalised word is part of a name or title.
  const written = core.trim().split(/\s+/).at(-1) ?? '';
  if (!/^(?:\p{Ll}[\p{Ll}-]*|\p{Lu}{2,4})$/u.test(written)) return false;
  const head = written.toLowerCase();
  return ROLE_NOUNS.has(head) || TITLE_HEADS.has(head);
}

const APPOSITIVE_NON_NOUN_OPENER =
  /^(?:of|which|who|whom|whose|where|when|while|and|but|or|in|at|on|for|with|to|from|as|if|because|although|though|after|before|since|said|says|including|like|such|not|then)\b/i;

function wordKey(text: string): string {
  return text
    .replace(/['’]s$/, '')
    .replace(/(?<=s)['’]$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function splitRun(text: string, offset: number): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[^\s\u00ad]\S*/g)) {
    const raw = m[0];
    const possessive = /['’]s$/.test(raw) || /s['’]$/.test(raw);
    words.push({
      text: raw,
      key: wordKey(raw),
      start: offset + m.index,
      end: offset + m.index + raw.length,
      possessive,
    });
  }
  return words;
}

function isInitial(word: Word): boolean {
  return /^\p{Lu}\.?$/u.test(word.text);
}

/** All-capitals words longer than an initial are acronyms or shouted headlines, not names. */
function isAllCaps(word: Word): boolean {
  const letters = word.text.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
}

/**
 * Two words run together by scraping ("PostDemocracy"): a capital after three lower-case letters.
 * Name prefixes keep their capital after one or two ("McDonald", "MacArthur", "DeSouza"); a few real
 * surnames have one later too, so this alone never rejects a two-word name.
 */
function isGlued(word: Word): boolean {
  return /\p{Ll}{3}\p{Lu}/u.test(word.text);
}

function isTitleWord(key: string): boolean {
  return TITLE_HEADS.has(key) || HONORIFICS.has(key);
}

/** A name token's own text, without possessive or trailing punctuation. */
function nameText(word: Word): string {
  return word.text
    .replace(/['’]s$/, '')
    .replace(/(?<=s)['’]$/, '')
    .replace(/(?<=\p{L}{2})\.$/u, '');
}

interface ParsedRun {
  nameWords: Word[];
  title?: { text: string; span: Span; head: string };
  honorific?: string;
  country?: string;
  organization?: string;
}

/**
 * Split a capitalised run into [country/org modifiers] [title] [name]: the name is what follows the
 * last title head; "Norwegian Foreign Minister X Y" -> country Norway, title Foreign Minister, name X Y.
 */
function parseRun(words: Word[]): ParsedRun | undefined {
  let head = -1;
  for (let i = 0; i < words.length - 1; i++) {
    const key = words[i]!.key;
    if ((isTitleWord(key) || (i === 0 && ROLE_NOUNS.has(key))) && !words[i]!.possessive) head = i;
  }
  if (head === -1) return { nameWords: words };
  const key = words[head]!.key;
  if (HONORIFICS.has(key)) return { nameWords: words.slice(head + 1), honorific: key };
  // "Minister of Foreign Affairs X": the "of" complement (portfolio words or a country) is title.
  let titleEnd = head;
  let complementCountry: string | undefined;
  if (words[head + 1]?.key === 'of') {
    let j = head + 2;
    if (words[j]?.key === 'the') j++;
    const first = j;
    while (j < words.length - 1) {
      const word = words[j]!;
      const country = word.possessive ? undefined : countryForName(nameText(word));
      if (country) complementCountry = country;
      // Portfolio words, or any word that is no first name while two words are left for the name
      // ("Chancellor of the Exchequer X Y").
      else if (
        word.possessive ||
        !(
          TITLE_MODIFIERS.has(word.key) ||
          NON_PERSON_LAST_WORDS.has(nameText(word)) ||
          (j < words.length - 2 && !isKnownFirstName(word.key))
        )
      )
        break;
      j++;
    }
    if (j > first && j < words.length) titleEnd = j - 1;
  }
  let start = head;
  while (start > 0) {
    const prev = words[start - 1]!;
    if (prev.possessive) break;
    if (TITLE_MODIFIERS.has(prev.key) || TITLE_HEADS.has(prev.key)) start--;
    else break;
  }
  // Modifier words only count when they sit next to the head ("Foreign Minister", not "The Minister").
  while (start < head && ['the', 'of', 'and', 'for'].includes(words[start]!.key)) start++;
  const titleWords = words.slice(start, titleEnd + 1);
  const parsed: ParsedRun = {
    nameWords: words.slice(titleEnd + 1),
    title: {
      text: titleWords.map((w) => w.text.replace(/['’]s$/, '')).join(' '),
      span: { start: titleWords[0]!.start, end: words[titleEnd]!.end },
      head: key,
    },
  };
  if (complementCountry) parsed.country = complementCountry;
  const before = words.slice(0, start);
  const modifier = before.at(-1);
  if (modifier && !parsed.country) {
    const country = countryForModifier(modifier.text);
    if (country) parsed.country = country;
    else {
      const org =
        isKnownOrganization(before.map((w) => nameText(w)).join(' ')) ??
        isKnownOrganization(nameText(modifier));
      if (org) parsed.organization = org.name;
    }
  }
  return parsed;
}

/**
 * Whether the capitalised run at `nextStart` is the "of" complement of the title that ends the run
 * before it: "Minister" + " of " + "Foreign Affairs ...", "Secretary" + " of the " + "Treasury ...".
 */
function joinsTitleComplement(
  text: string,
  previous: { text: string; start: number },
  nextStart: number,
): boolean {
  const gap = text.slice(previous.start + previous.text.length, nextStart);
  if (gap !== ' of ' && gap !== ' of the ') return false;
  const lastWord = /(\S+)$/.exec(previous.text)?.[1];
  return lastWord !== undefined && TITLE_HEADS.has(wordKey(lastWord));
}

/** A company suffix right after a capitalised run: "General Nutrition Inc" names a company. */
const COMPANY_SUFFIX_AFTER = /^\s+(?:Inc|Corp|Co|Ltd|LLC|Plc|PLC|plc|AG|SA|NV|Group)(?![\p{L}-])/u;

function companySuffixAfter(text: string, end: number): boolean {
  return COMPANY_SUFFIX_AFTER.test(text.slice(end, end + 8));
}

/** Gazetteer verdicts are asked for the same words again and again: remember them (bounded). */
const placeOrOrgCache = new Map<string, boolean>();

function isPlaceOrOrg(name: string): boolean {
  const cached = placeOrOrgCache.get(name);
  if (cached !== undefined) return cached;
  const verdict = lookupPlaceOrOrg(name);
  if (placeOrOrgCache.size > 50_000) placeOrOrgCache.clear();
  placeOrOrgCache.set(name, verdict);
  return verdict;
}

function lookupPlaceOrOrg(name: string): boolean {
  const place = isKnownPlace(name);
  if (place && !place.ambiguous) return true;
  return Boolean(
    countryForName(name) ??
    isKnownOrganization(name) ??
    countryForDemonymPlural(name) ??
    countryForDemonym(name),
  );
}

/**
 * What may follow "the X Ys" for it to be a group named on its own: punctuation, a capitalised word
 * a verb or function word ("the X Ys said", "the X Ys and"), not a noun ("the X Ys show"); a plural
 * possessive ("the X Ys' leader") is a group's anyway.
 */
const PLURAL_GROUP_NEXT =
  /^(?:['’]|\s*(?:$|[^\s\p{L}]|\p{Lu})|\s+\p{Ll}+n['’]t\b|\s+(?:\p{Ll}+ed|said|says|say|have|has|had|are|were|was|is|will|would|could|should|can|may|might|must|do|did|does|also|who|which|that|and|or|to|in|on|at|for|of|with|from|won|lost|beat|want|wants|believe|think|claim|claims|argue|insist|promise|plan|hope|need|now|still|all|both|themselves|been|the|a|an|as|by|into|over|than|but|if|when|because|so|yet|accuse|pledge|welcome|oppose|support|back|reject|agree|warn|vote|call|demand|deny|face|hold|lead|take|get|go|win|lose|remain|become|became|join|urge|attack|criticise|criticize|dismiss)\b)/u;

/**
 * Lower-case nouns after a name that make the name an affiliation ("X leader", "X supporters", "X
 * policy"). Plurals are listed, not derived: "heads", "chairs", "stars" are also verbs ("X heads the").
 */
const AFFILIATION_NOUNS = new Set([
  ...ROLE_NOUNS,
  ...TITLE_HEADS,
  ...`aide boss star dancer frontman frontwoman guitarist drummer bassist vocalist supporters voters backers
  rebels delegates staffers activists members officials fans aides candidates councillors councilors
  ministers leaders spokesmen spokeswomen campaigners politicians lawmakers workers
  policy policies manifesto campaign conference election stance government party parties seat seats
  figures sources insiders team approach analysis vote opposition proposal proposals leadership
  evidence`.split(/\s+/),
]);

/** "warned X Y the party could", "X Y for prime minister": no modifiers of the name. */
const AFFILIATION_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'to', 'in', 'on', 'as']);

/** Words that may stand between a name and the role noun it qualifies ("X home affairs spokesman"). */
const AFFILIATION_MODIFIER =
  /^(?:\p{Ll}+(?:al|ic|ive|ary|ern)|committee|council|board|group|press|team|shadow|select|campaign|tax)$/u;

/**
 * A role noun right after `end`, maybe after up to three modifiers ("X leader", "X home affairs
 * spokesman", "X constitutional affairs committee chairman").
 */
function affiliationNext(text: string, end: number): boolean {
  const m = /^((?: \p{Ll}[\p{Ll}-]*){1,4})\b(?![-'’])/u.exec(text.slice(end, end + 60));
  if (!m) return false;
  const words = m[1]!.trim().split(' ');
  for (const [i, word] of words.entries()) {
    if (AFFILIATION_FUNCTION_WORDS.has(word)) return false;
    if (AFFILIATION_NOUNS.has(word)) return true;
    // "X Y plans for a tax", "X Y tax plans" (not the verb: "X Y plans to run").
    if ((word === 'plans' || word === 'plan') && words[i + 1] !== 'to') {
      if (i < words.length - 1 || !/^\s+to\b/.test(text.slice(end + m[0].length, end + m[0].length + 4)))
        return true;
    }
    if (!(TITLE_MODIFIERS.has(word) || AFFILIATION_MODIFIER.test(word))) return false;
  }
  return false;
}

/** "Justices", "Senators": a title head in the plural. */
function pluralTitle(word: Word): boolean {
  return /^\p{Lu}\p{Ll}+[^s]s$/u.test(nameText(word)) && TITLE_HEADS.has(word.key.slice(0, -1));
}

/**
 * "Harbour MPs", "Lowland MEPs": a run ending in an abbreviated office in the plural; or in a plural
 * office noun ("Harbour Ministers") when no first name opens it ("Ann Judges" is a person).
 */
function pluralOffice(words: Word[]): boolean {
  const last = nameText(words.at(-1)!);
  if (/^\p{Lu}{2,}s$/u.test(last)) return TITLE_HEADS.has(last.slice(0, -1).toLowerCase());
  const singular = /^\p{Lu}\p{Ll}+[^s]s$/u.test(last) ? last.slice(0, -1).toLowerCase() : undefined;
  return (
    singular !== undefined &&
    (TITLE_HEADS.has(singular) || ROLE_NOUNS.has(singular)) &&
    !isKnownFirstName(words[0]!.key)
  );
}

/** The folded words of a name taken for a group, as `groups` holds it (no trailing apostrophe). */
function groupKey(words: readonly Word[]): string {
  return foldName(words.map((w) => nameText(w).replace(/['’]$/, '')).join(' '));
}

/**
 * What may follow a singular "the X Y" for it to stand alone: sentence punctuation or a verb, not a
 * comma, "or" or "of" ("the X Y of podcasting", "the X Y, or Z" compare a person).
 */
const SINGULAR_NAME_ALONE_NEXT =
  /^(?:\s*(?:[.;:!?)]|$)|\s+(?:\p{Ll}+ed|said|says|has|had|is|was|will|would|could|can|may|might|opened|opens|won|wins|became|becomes)\b)/u;

/** Lower-case nouns for works, firms and bands, which a name right after names ("the film X Y"). */
const WORK_NOUNS = new Set([
  ...`film movie drama comedy sitcom soap series programme documentary musical opera album song novel
  book biography memoir magazine newspaper tabloid band label brand website console studio`.split(/\s+/),
  ...COMPANY_NOUNS,
]);

/**
 * A relative clause right after a name: "the film X Y directed won", "the firm X Y founded in 1990":
 * a verb that ends its clause (punctuation, another verb or a preposition after it); not "the drama
 * X Y won the prize", where the verb has an object.
 */
const VERB_NEXT =
  /^\s+(?:\p{Ll}+ed|wrote|made|led|runs|ran|owns|built|took|began|left|joined|set|sold|bought|chose|saw|found|knew|loves|founded|formed|fronts|fronted)(?:\s*(?:[,.;:!?)]|$)|\s+(?:is|was|has|had|will|would|won|wins|are|were|said|says|in|with|for|and|as|last|this|before|after|when|since|until)\b)/u;

/** The country of a demonym noun: "Briton", "Danes", "Dutchman", "Frenchwoman". */
function demonymNounCountry(word: string): string | undefined {
  const compound = /^(\p{Lu}\p{Ll}+?)(?:man|woman|men|women)$/u.exec(word);
  if (compound) return countryForDemonym(compound[1]!);
  return countryForDemonymPlural(word) ?? (/s$/.test(word) ? undefined : countryForDemonymPlural(`${word}s`));
}

/** Last words that make a capitalised run a building, body, region or event, never a person. */
const NON_PERSON_LAST_WORDS = new Set([
  ...Object.keys(ORGANIZATION_HEADS),
  ...FACILITY_HEADS,
  ...REGION_HEADS,
  ...'Legislature Building Museum Library Gallery Theatre Theater Mall Market Cup Games Awards Award Prize Festival Week Day Month Year Act Bill Plan Program Programme Project Report Fund Trust'.split(
    ' ',
  ),
  // Shows, races, tournaments, elections and entertainment companies ("the X Y Show", "X Bros").
  ...'Show Marathon Olympics Olympiad Championships Championship Tournament Trophy Prix Series Election Elections Bros Brothers Pictures Studios Studio Records Productions Entertainment'.split(
    ' ',
  ),
]);

/**
 * Common words that are also first names (in both lexicons, calendar words aside): one opens a name
 * when a surname-like word follows ("Bill Ames", but "the bill").
 */
const CALENDAR_WORDS =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Words before a month that make it the month: "in May", "since June", "last August", "mid-May". */
const CALENDAR_CONTEXT_BEFORE =
  /(?:\b(?:in|on|of|by|since|until|till|from|to|through|during|before|after|last|next|this|early|late|mid|end|beginning)\s+|mid-|\d\s+)$/i;
const FIRST_NAME_HOMOGRAPHS = new Set(
  [...NON_NAME_WORDS].filter((w) => AMBIGUOUS_FIRST_NAMES.has(w) && !CALENDAR_WORDS.test(w)),
);

/** Is words[i] a month used as a surname right after a first name ("Theresa May", "Rita August")? */
function calendarSurnameAt(words: Word[], i: number): boolean {
  const prev = words[i - 1];
  return (
    i > 0 &&
    CALENDAR_WORDS.test(words[i]!.key) &&
    prev !== undefined &&
    !prev.possessive &&
    isKnownFirstName(prev.key) &&
    !NON_NAME_WORDS.has(prev.key) &&
    prev.end + 1 === words[i]!.start &&
    // ("in Florida Friday": a place before a day, though the name lists hold "Florida")
    !isPlaceOrOrg(nameText(prev))
  );
}

/** Is words[i] a non-name word here (a first-name homograph before a surname-like word is not)? */
function nonNameAt(words: Word[], i: number): boolean {
  const w = words[i]!;
  if (!NON_NAME_WORDS.has(w.key)) return false;
  if (calendarSurnameAt(words, i)) return false;
  // "James A. Baker": a middle initial, not the article.
  if (i > 0 && i < words.length - 1 && /^\p{Lu}\.$/u.test(w.text)) return false;
  const next = words[i + 1];
  return !(
    FIRST_NAME_HOMOGRAPHS.has(w.key) &&
    next !== undefined &&
    /^\p{Lu}\p{Ll}{2,}['’]?s?$/u.test(next.text) &&
    !NON_NAME_WORDS.has(next.key) &&
    !NON_PERSON_LAST_WORDS.has(nameText(next))
  );
}

/** A reporting verb opening an inverted attribution ("Said Ames:", "Added Ames,"), with its space. */
const INVERTED_CUE_OPENING =
  /^(?:Said|Says|Added|Adds|Explained|Explains|Recalled|Recalls)[ \u00a0](?=\p{Lu})/u;

/** Offset of a sentence's first letter (after spaces and an opening quote mark). */
function leadingSpaceOrQuote(sentence: string): number {
  return /^[\s"“‘'(]*/.exec(sentence)![0].length;
}

/** A capitalised word glued to a lower-case participle or noun: "Calgary-based", "Paris-born", "US-led". */
const LOCATIVE_COMPOUND =
  /^\p{Lu}[\p{L}.]*-(?:based|born|bred|raised|led|backed|owned|run|made|area|headquartered|registered|listed)$/u;

/** "New" + this word is a place, or its demonym ("New Yorker"): not "New Jane Doe movie". */
function newPlace(word: string): boolean {
  const place = (name: string): boolean => Boolean(isKnownPlace(name) ?? countryForName(name));
  return place(`New ${word}`) || (/ers?$/.test(word) && place(`New ${word.replace(/ers?$/, '')}`));
}

/** Trim non-name words from both ends of a candidate name; undefined when nothing name-like is left. */
function cleanName(words: Word[]): Word[] | undefined {
  let s = 0;
  let e = words.length;
  // "New Yorker X Y": "New" opens a place or its demonym, never a name.
  if (e - s > 2 && words[s]!.key === 'new' && newPlace(nameText(words[s + 1]!))) s += 2;
  while (
    s < e &&
    (nonNameAt(words, s) ||
      countryForDemonym(words[s]!.text) ||
      isAllCaps(words[s]!) ||
      // "Calgary-based X", "Ohio-born X": a place glued to a participle modifies the name.
      LOCATIVE_COMPOUND.test(words[s]!.text) ||
      // A participle opening a clause ("Knowing X was ...") is not a first name.
      (s === 0 &&
        words.length > 1 &&
        /^\p{Lu}\p{Ll}{3,}ing$/u.test(words[s]!.text) &&
        !isKnownFirstName(words[s]!.key)))
  )
    s++;
  while (
    e > s &&
    ((NON_NAME_WORDS.has(words[e - 1]!.key) && !calendarSurnameAt(words, e - 1)) || isAllCaps(words[e - 1]!))
  ) {
    // "The Trayvon Martin Foundation": a body's head word closing the run makes it the body's name.
    if (e - s > 2 && NON_PERSON_LAST_WORDS.has(nameText(words[e - 1]!))) return undefined;
    e--;
  }
  // "Vancouver's Bo Horvat": a possessive modifier in front is not part of the name.
  for (let i = e - 2; i >= s; i--) {
    if (words[i]!.possessive) {
      s = i + 1;
      break;
    }
  }
  let kept = words.slice(s, e);
  // "Senate Intelligence Ranking Democrat Dianne Feinstein", "Maricopa County Recorder Helen Purcell":
  // a long run of a body's or an office's words before a name is cut at the last known first name.
  // (only after a word that is no name: a title, a role or party noun, a body's word or a place)
  if (kept.length > 3) {
    const officeWord = (w: Word): boolean => {
      const last = w.key.split('-').at(-1)!;
      return (
        NON_NAME_WORDS.has(w.key) ||
        ROLE_NOUNS.has(last) ||
        TITLE_HEADS.has(last) ||
        PERSON_NOUN_ENDING.test(last) ||
        isPlaceOrOrg(nameText(w))
      );
    };
    const at = kept.findIndex(
      (w, i) =>
        i >= 1 &&
        i <= kept.length - 2 &&
        isKnownFirstName(w.key) &&
        !NON_NAME_WORDS.has(w.key) &&
        !isKnownFirstName(kept[i - 1]!.key) &&
        officeWord(kept[i - 1]!),
    );
    if (at > 0 && kept.length - at <= 3) kept = kept.slice(at);
  }
  if (kept.length === 0 || kept.length > 4) return undefined;
  if (kept.some((w, i) => nonNameAt(kept, i) || (isAllCaps(w) && !isInitial(w)))) return undefined;
  // Two words glued inside a longer run are scraped page furniture ("The Daily PostNews Of Today").
  if (kept.length > 2 && kept.some(isGlued)) return undefined;
  if (kept.length > 1 && NON_PERSON_LAST_WORDS.has(nameText(kept.at(-1)!))) return undefined;
  // A name ends in a real word, not an initial.
  if (isInitial(kept.at(-1)!)) return undefined;
  // A possessive can only be the last word ("Kim Lee's"); inside it separates two phrases.
  if (kept.slice(0, -1).some((w) => w.possessive)) return undefined;
  return kept;
}

/** "his Danish counterpart, X," / "..., the Danish ambassador, X.": the name closes an apposition. */
function closesApposition(text: string, nameEnd: number): boolean {
  return /^\s*(?:[,.;:!?)]|$)/.test(text.slice(nameEnd, nameEnd + 3));
}

const ROLE_WORDS_BEFORE = /(?:(\p{Lu}[\p{L}.]*(?:['’]s)?)\s+)?((?:[a-z-]+\s+){0,2}?)([a-z-]+)\s+$/u;
const ROLE_WORDS_BEFORE_APPOSITION =
  /(?:(\p{Lu}[\p{L}.]*(?:['’]s)?)\s+)?((?:[a-z-]+\s+){0,2}?)([a-z-]+),\s+$/u;

/**
 * Lower-case role words just before a name: "analyst X", "his Danish counterpart X"; with
 * `apposition`, also set off by a comma: "his Danish counterpart, X,".
 */
function roleBefore(
  text: string,
  nameStart: number,
  apposition = false,
): { title: string; span: Span; country?: string } | undefined {
  // Cheap check first: the word right before the name must be a role noun or title.
  let e = nameStart;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 0xa0)) e--;
  if (apposition) {
    if (text.charCodeAt(e - 1) !== 44) return undefined;
    e--;
  }
  let b = e;
  while (b > 0 && /[a-z-]/.test(text.charAt(b - 1))) b--;
  const previous = text.slice(b, e);
  if (!ROLE_NOUNS.has(previous) && !TITLE_HEADS.has(previous)) return undefined;
  const window = text.slice(Math.max(0, nameStart - 60), nameStart);
  const m = (apposition ? ROLE_WORDS_BEFORE_APPOSITION : ROLE_WORDS_BEFORE).exec(window);
  if (!m) return undefined;
  const noun = m[3]!;
  if (!ROLE_NOUNS.has(noun) && !TITLE_HEADS.has(noun)) return undefined;
  const modifiers = m[2]!
    .trim()
    .split(/\s+/)
    .filter((w) => TITLE_MODIFIERS.has(w) && !['the', 'of', 'and', 'for'].includes(w));
  const title = [...modifiers, noun].join(' ');
  const base = nameStart - window.length;
  const end = base + m.index + m[0].replace(/,?\s+$/, '').length;
  const country = m[1] ? countryForModifier(m[1]) : undefined;
  return {
    title,
    span: { start: end - noun.length - (modifiers.length ? m[2]!.trimEnd().length + 1 : 0), end },
    ...(country ? { country } : {}),
  };
}

/** Appositive role after a name: "X, a spokeswoman for ...," / "X, the Turkish ambassador,". */
function roleAfter(
  text: string,
  nameEnd: number,
): { title: string; span: Span; country?: string } | undefined {
  const window = text.slice(nameEnd, nameEnd + 90);
  const first = /^,\s+(?:a|an|the|his|her|their)\s+((?:[\p{L}-]+\s+){0,4}?)([a-z-]+)(?=[\s,.])/u.exec(window);
  const isRole = (w: string | undefined): boolean =>
    w !== undefined && (ROLE_NOUNS.has(w) || TITLE_HEADS.has(w));
  // "X, a single mother,", "X, a local lawyer for Y": the head is the last word before the appositive
  // ends or its complement starts, not the first word after the determiner.
  const m = isRole(first?.[2])
    ? first
    : /^,\s+(?:a|an|the|his|her|their)\s+((?:[\p{L}-]+\s+){1,4}?)([a-z-]+)(?=\s*[,.;:)]|\s+(?:of|for|with|at|from|in|on|who|whose|which|that)\b)/u.exec(
        window,
      );
  if (!m || !isRole(m[2])) return undefined;
  // "Hillary Clinton, his son said": the noun phrase is the subject of a verb, not an appositive.
  if (
    /^\s+(?:\p{Ll}+ly\s+)?(?:said|says|told|tells|added|adds|wrote|writes|noted|notes|argued|argues|insisted|insists|warned|warns|explained|explains|recalled|recalls|has|had|have|was|is|will|would|did|does)\b/u.test(
      window.slice(m.index + m[0].length),
    )
  )
    return undefined;
  const noun = m[2]!;
  const words = m[1]!.trim().split(/\s+/).filter(Boolean);
  let country: string | undefined;
  const modifiers: string[] = [];
  for (const w of words) {
    const c = countryForModifier(w);
    if (c) country = c;
    else if (TITLE_MODIFIERS.has(w.toLowerCase()) && !['the', 'of', 'and', 'for'].includes(w.toLowerCase()))
      modifiers.push(w.toLowerCase());
  }
  const start = nameEnd + m.index + m[0].length - noun.length - (modifiers.length ? 0 : 0);
  return {
    title: [...modifiers, noun].join(' '),
    span: { start, end: start + noun.length },
    ...(country ? { country } : {}),
  };
}

export function extractPeople(text: string, sentences: Sentence[]): EntityRecord[] {
  const people: PersonDraft[] = [];
  const byFullName = new Map<string, PersonDraft>();
  const claimed: Span[] = [];
  const singles: { word: Word; parsed: ParsedRun; sentenceStart: number }[] = [];

  const addPerson = (nameWords: Word[], parsed: ParsedRun, gender: Gender | undefined): PersonDraft => {
    const tokens = nameWords.map(nameText);
    const name = tokens.join(' ');
    const key = foldName(name);
    let person = byFullName.get(key);
    if (!person) {
      person = { name, tokens, mentions: [], aliases: new Set(), roles: [], first: nameWords[0]!.start };
      byFullName.set(key, person);
      people.push(person);
    }
    const span = {
      start: nameWords[0]!.start,
      end: nameWords.at(-1)!.start + nameText(nameWords.at(-1)!).length,
    };
    person.mentions.push(span);
    claimed.push(span);
    if (gender && !person.gender) person.gender = gender;
    if (parsed.title) {
      const role: RoleRecord = { title: parsed.title.text, span: parsed.title.span };
      if (parsed.country) role.country = parsed.country;
      if (parsed.organization) role.organization = parsed.organization;
      person.roles.push(role);
      if (parsed.country && !person.nationality) person.nationality = parsed.country;
      person.aliases.add(`${parsed.title.text} ${name}`);
    }
    return person;
  };

  // Capitalised runs of every sentence, found once; one-word runs are counted because surnames are
  // reused alone in news copy.
  const runs: { sentence: Sentence; text: string; start: number }[] = [];
  const standalone = new Map<string, number>();
  const titleCaseAt = titleCaseLines(text);
  for (const sentence of sentences) {
    const slice = text.slice(sentence.start, sentence.end);
    for (const m of runsOf(text, sentence, titleCaseAt)) {
      let start = sentence.start + m.index;
      let runText = m.text;
      // "Said Ames: ..." / "Added Ames, ...": a reporting verb opening the sentence before the
      // speaker's name and a colon or comma is no first name.
      const cueOpening = INVERTED_CUE_OPENING.exec(runText);
      if (
        cueOpening &&
        m.index === leadingSpaceOrQuote(slice) &&
        /^\s*[:,]/.test(text.slice(start + runText.length, start + runText.length + 3))
      ) {
        start += cueOpening[0].length;
        runText = runText.slice(cueOpening[0].length);
      }
      const previous = runs.at(-1);
      // "Minister of Foreign Affairs X Y": a title and its "of ..." complement are one run.
      if (previous?.sentence === sentence && joinsTitleComplement(text, previous, start)) {
        previous.text = text.slice(previous.start, start + runText.length);
        continue;
      }
      runs.push({ sentence, text: runText, start });
      if (!runText.includes(' ') && !runText.includes('\u00a0')) {
        const key = wordKey(runText);
        standalone.set(key, (standalone.get(key) ?? 0) + 1);
      }
    }
  }

  // "The Green Wigs said", "the Harbour Tories' plan": a plural name after "the" is a group, here
  // and wherever else the article uses the same words.
  // So is any name standing alone after "the" ("the Otter Queen opened", "in the Mabel Grove."): a
  // title, a show or a body; people are not "the X Y".
  const groups = new Set<string>();
  for (const run of runs) {
    let words = splitRun(run.text, run.start);
    const before = text.slice(Math.max(0, run.start - 40), run.start);
    let coordinated = false;
    if (words[0]?.key === 'the') words = words.slice(1);
    // "the X Ys", and "the Greens and X Ys": a name coordinated with a plural group after "the".
    else if (!/(?:^|[^\p{L}])the\s$/iu.test(before)) {
      if (!/(?:^|[^\p{L}])the\s\p{Lu}\p{Ll}+[^sS\P{L}]s,?\sand\s$/iu.test(before)) continue;
      coordinated = true;
    }
    if (words.length < 2 || words.some((w) => isTitleWord(w.key))) continue;
    const last = words.at(-1)!;
    const plural = /^\p{Lu}[\p{L}'’-]*[^sS'’]s['’]?$/u.test(last.text.replace(/[.,;:!?]$/, ''));
    if (coordinated && !plural) continue;
    const next = text.slice(last.end, last.end + 20);
    if (
      plural
        ? !/['’]$/.test(last.text) && !PLURAL_GROUP_NEXT.test(next)
        : !SINGULAR_NAME_ALONE_NEXT.test(next)
    )
      continue;
    // "the Commons Oliver Ames said": a first name inside is a person after a body's name.
    if (!plural && words.slice(1, -1).some((w) => isKnownFirstName(w.key))) continue;
    groups.add(groupKey(words));
  }

  // "the drama X Y", "investment bank X Y", "the band X Y": a name right after a noun for a work, a
  // firm or a band is that thing's, unless a verb follows ("the film X Y directed").
  for (const run of runs) {
    const noun = /(?:^|[^\p{L}])(\p{Ll}+)\s$/u.exec(text.slice(Math.max(0, run.start - 20), run.start))?.[1];
    if (noun === undefined || !WORK_NOUNS.has(noun)) continue;
    const words = splitRun(run.text, run.start);
    if (words.length < 2 || words.some((w) => isTitleWord(w.key))) continue;
    const last = words.at(-1)!;
    if (!last.possessive && VERB_NEXT.test(text.slice(last.end, last.end + 20))) continue;
    groups.add(groupKey(words));
  }

  // "the Office of X Y", "the Institute for X Y": a name after a body's head and "of" is its complement.
  for (const run of runs) {
    const head = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+)\s+(?:of|for|against)\s+(?:the\s+)?$/u.exec(
      text.slice(Math.max(0, run.start - 30), run.start),
    )?.[1];
    if (head === undefined || !NON_PERSON_LAST_WORDS.has(head)) continue;
    const words = splitRun(run.text, run.start);
    if (words.length < 2 || words.some((w) => isTitleWord(w.key))) continue;
    groups.add(groupKey(words));
  }

  // Persons every mention of whom so far stands right before a role noun ("X Y leader Z").
  const affiliationOnly = new Map<PersonDraft, boolean>();

  // Pass 1: full names (two or more words, or one word with a title or honorific).
  for (const run of runs) {
    const sentence = run.sentence;
    const words = splitRun(run.text, run.start);
    let parsed = parseRun(words);
    if (!parsed) continue;
    // "Lord Justices X and Y", "Senators X and Y": a title in the plural names several people.
    if (parsed.nameWords.length === 2 && pluralTitle(parsed.nameWords[0]!)) continue;
    let nameWords = surnameHomograph(text, parsed.nameWords) ?? cleanName(parsed.nameWords);
    if (!nameWords) continue;
    const lead = parsed.nameWords.slice(0, Math.max(0, parsed.nameWords.indexOf(nameWords[0]!)));
    // "League Against X Y", "Office for X Y": a body's head and a connector before the name.
    if (
      lead.some(
        (w, i) =>
          NON_PERSON_LAST_WORDS.has(nameText(w)) && ['of', 'against', 'for'].includes(lead[i + 1]?.key ?? ''),
      )
    )
      continue;
    if (parsed.title ?? parsed.honorific) {
      // "Leader of the Opposition", "Commander of the Order of X": what follows "of" is a body.
      if (lead.some((w) => w.key === 'of')) continue;
      // "Mr Ames's Budget": the honorific is the possessor's, not the next word's.
      if (lead.some((w) => w.possessive)) parsed = { nameWords: parsed.nameWords };
    }
    // "Earlier Tony Blair said", "Keeper Ana Ruiz saved": a capitalised common word opening the
    // sentence (written in lower case elsewhere in the article) before a first name is no part of it.
    let demonymCountry: string | undefined;
    if (nameWords.length >= 3 && !parsed.title && isKnownFirstName(nameWords[1]!.key)) {
      const lead = nameWords[0]!;
      const singular = lead.key.replace(/(?<=[^s])s$/, '');
      const atStart = lead.start === sentence.start;
      // "Briton X Y", "Dutchman X Y", "Danes X Y and ...": a demonym noun describes the person.
      demonymCountry = isKnownFirstName(lead.key) ? undefined : demonymNounCountry(nameText(lead));
      // "the public services union Unison Dave Prentis": a word after a body noun names the body.
      const afterBodyNoun =
        !isKnownFirstName(lead.key) &&
        /\b(?:union|party|group|firm|company|charity|club|band|agency|network|campaign|alliance|coalition|association|organisation|organization|council|committee|trust|foundation|institute|newspaper|magazine|broadcaster|channel|station|airline|bank|body|team|think-tank|watchdog|regulator)\s+$/.test(
          text.slice(Math.max(0, lead.start - 16), lead.start),
        );
      if (
        demonymCountry !== undefined ||
        afterBodyNoun ||
        (atStart &&
          ((!isKnownFirstName(lead.key) &&
            (writtenInLowerCase(text, lead.key) ||
              // "Landlord Frank Bell says", "Defenders X Y and": a person noun capitalised only because
              // it opens the sentence.
              ROLE_NOUNS.has(singular) ||
              PERSON_NOUN_ENDING.test(singular))) ||
            // "Lock X Y": a role noun that is also a first name, before a first name.
            ROLE_NOUNS.has(lead.key)))
      )
        nameWords = nameWords.slice(1);
    } else if (nameWords.length === 2 && !parsed.title && !parsed.honorific) {
      // "Again Pellow said", "Bookmakers Oddsly said": a common word (written in lower case elsewhere
      // in the article, an adverb or a person noun) opening the sentence before a one-word name.
      const lead = nameWords[0]!;
      const singular = lead.key.replace(/(?<=[^s])s$/, '');
      if (
        lead.start === sentence.start &&
        !isKnownFirstName(lead.key) &&
        (writtenInLowerCase(text, lead.key) ||
          writtenInLowerCase(text, singular) ||
          /^\p{Lu}\p{Ll}{2,}ly$/u.test(lead.text) ||
          ROLE_NOUNS.has(singular))
      )
        nameWords = nameWords.slice(1);
    }
    const name = nameWords.map(nameText).join(' ');
    // (after "Mr", "Mrs", "Dr" a place name is a surname: "Mr Prescott", "Mrs Jordan")
    if (!parsed.honorific && isPlaceOrOrg(name)) continue;
    // "General Nutrition Inc", "Sterling Drug Inc": a company suffix after the run ends a company's name.
    if (companySuffixAfter(text, nameWords.at(-1)!.end)) continue;
    // "Harbour MPs said": a plural office names a group.
    if (nameWords.length > 1 && pluralOffice(nameWords)) continue;
    if (groups.has(groupKey(nameWords))) continue;
    // "the Prime Minister said", "Culture Secretary": an office title on its own names nobody.
    if (
      nameWords.length > 1 &&
      TITLE_HEADS.has(nameWords.at(-1)!.key) &&
      nameWords.every((w) => TITLE_MODIFIERS.has(w.key) || TITLE_HEADS.has(w.key))
    )
      continue;
    const firstWord = nameWords[0]!;
    const titled = Boolean(parsed.title ?? parsed.honorific);
    const honorificGender = parsed.honorific ? HONORIFICS.get(parsed.honorific) : undefined;
    const titleGender = parsed.title ? GENDERED_TITLES.get(parsed.title.head) : undefined;
    if (nameWords.length === 1) {
      // "General Motors": a title word before a company or body word is part of its name.
      if (NON_PERSON_LAST_WORDS.has(nameText(firstWord))) continue;
      // "General Secretary", "Chief Secretary": a title after a title names nobody.
      if (TITLE_HEADS.has(firstWord.key) && !isKnownFirstName(firstWord.key)) continue;
      // "Chief Harbour Officers": nor does an office in the plural.
      if (pluralOffice([firstWord])) continue;
      if (nameText(firstWord).length > 1)
        singles.push({ word: firstWord, parsed, sentenceStart: sentence.start });
      continue;
    }
    const atSentenceStart =
      firstWord.start === sentence.start || /["“‘(]$/.test(text.slice(sentence.start, firstWord.start));
    const firstNameEvidence =
      isKnownFirstName(firstWord.key) && !(atSentenceStart && AMBIGUOUS_FIRST_NAMES.has(firstWord.key));
    const after = text.slice(nameWords.at(-1)!.end, nameWords.at(-1)!.end + 40);
    // Context is looked at only when neither a title nor a known first name makes the run a name.
    const contextEvidence = (): boolean =>
      REPORTING_NEXT.test(after) ||
      // '"...," said X Y.' (closing its clause: not "said X Y analyst Z", not "said X Y was ...").
      // (A run's last word keeps a sentence-final dot: "... said X Y. Next".)
      ((/^\s*(?:[.,;:!?)]|$)/.test(after) || nameWords.at(-1)!.text.endsWith('.')) &&
        reportedBefore(text, firstWord.start)) ||
      APPOSITIVE_NEXT.test(after) ||
      roleBefore(text, firstWord.start) !== undefined ||
      (closesApposition(text, nameWords.at(-1)!.end) &&
        roleBefore(text, firstWord.start, true) !== undefined) ||
      (atSentenceStart &&
        PRONOUN_NEXT.test(text.slice(nameWords.at(-1)!.end, nameWords.at(-1)!.end + 240))) ||
      roleAppositive(text, nameWords.at(-1)!.end) ||
      // "During the election, Mitt Romney largely ran on his record": a verb, then "his"/"her"
      // (not "talking with Ada Ruiz about his plan"; not "Hurricane Sandy wrecked his home").
      (/^\s+(?!(?:about|of|for|with|to|from|at|in|on|and|or|by|as|than)\b)(?:\p{Ll}+\s+){1,4}(?:his|her|himself|herself)\b/u.test(
        text.slice(nameWords.at(-1)!.end, nameWords.at(-1)!.end + 80),
      ) &&
        !/^(?:Hurricane|Storm|Typhoon|Cyclone|Tropical|Operation|Project|Camp|Fort|Lake|Mount)$/.test(
          nameWords[0]!.text,
        )) ||
      // '"...," Laah Chong-gyu, executive director of X - one of the creditors - said.': the name
      // right after a quotation, with the cue after its description.
      (/[,?!]["”’]\s+$/.test(text.slice(Math.max(0, firstWord.start - 4), firstWord.start)) &&
        CUE_AFTER_DESCRIPTION.test(text.slice(nameWords.at(-1)!.end, nameWords.at(-1)!.end + 160))) ||
      // The name opens the sentence and a verb follows it ("X Y ran the ferry."), not a noun.
      (firstWord.start === sentence.start &&
        FINITE_VERB_NEXT.test(after) &&
        QUOTED_PRONOUN_NEXT.test(text.slice(nameWords.at(-1)!.end, nameWords.at(-1)!.end + 700)));
    const lastWord = nameWords.at(-1)!;
    const surnameReused = (): boolean =>
      nameWords.length <= 3 && (standalone.get(lastWord.key) ?? 0) > 0 && !isPlaceOrOrg(nameText(lastWord));
    if (!titled && !firstNameEvidence) {
      // "Statistics Canada", "Transport Elmland": a body named for its country, with no first name.
      if (countryForName(nameText(lastWord))) continue;
      if (!contextEvidence() && !surnameReused()) continue;
    }
    const strongGender = honorificGender ?? titleGender;
    const fresh = !byFullName.has(foldName(nameWords.map(nameText).join(' ')));
    const person = addPerson(nameWords, parsed, strongGender ?? firstNameGender(firstWord.key));
    // "the X Y's call": a possessive after "the" is a body's, as "X Y leader" is a body's role.
    const premodifier =
      !titled &&
      (lastWord.possessive
        ? /(?:^|[^\p{L}])the\s$/iu.test(text.slice(Math.max(0, firstWord.start - 5), firstWord.start))
        : affiliationNext(text, lastWord.end));
    affiliationOnly.set(person, (affiliationOnly.get(person) ?? true) && premodifier);
    if (fresh && !strongGender && person.gender) person.weakGender = true;
    if (strongGender) person.weakGender = false;
    const nameStart = parsed.title ? parsed.title.span.start : (words[0]?.start ?? firstWord.start);
    const before =
      roleBefore(text, nameStart) ??
      (closesApposition(text, nameWords.at(-1)!.end) ? roleBefore(text, nameStart, true) : undefined);
    if (before && !parsed.title) {
      person.roles.push({
        title: before.title,
        span: before.span,
        ...(before.country ? { country: before.country } : {}),
      });
      if (before.country && !person.nationality) person.nationality = before.country;
    }
    const apposition = roleAfter(text, nameWords.at(-1)!.end);
    if (apposition) {
      person.roles.push({
        title: apposition.title,
        span: apposition.span,
        ...(apposition.country ? { country: apposition.country } : {}),
      });
      if (apposition.country && !person.nationality) person.nationality = apposition.country;
    }
    if (demonymCountry && !person.nationality) person.nationality = demonymCountry;
    if (!parsed.title && words[0] && words[0].start < firstWord.start) {
      // A demonym stripped from the front of the run: "Danish Lars X".
      const country = countryForDemonym(words[0].text);
      if (country && !person.nationality) person.nationality = country;
    }
  }

  // "Penny Whistle leader X", "a Penny Whistle spokesman": a name the article only ever puts before a
  // role noun is the affiliation of that role (a party, a band, a firm), not a person.
  for (const [person, only] of affiliationOnly) {
    if (!only) continue;
    people.splice(people.indexOf(person), 1);
    byFullName.delete(foldName(person.name));
    for (const m of person.mentions) {
      const at = claimed.findIndex((c) => c.start === m.start && c.end === m.end);
      if (at !== -1) claimed.splice(at, 1);
    }
  }

  mergeNameTails(people, byFullName);

  // Surname and first-name indexes for coreference.
  const bySurname = new Map<string, PersonDraft[]>();
  const byFirstName = new Map<string, PersonDraft[]>();
  for (const p of people) {
    const last = foldName(p.tokens.at(-1)!);
    bySurname.set(last, [...(bySurname.get(last) ?? []), p]);
    // "Kim Jong-un", "Moon Jae-in": a hyphenated two-syllable given name last means the family name
    // comes first, and the first word alone refers to the person.
    if (p.tokens.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(p.tokens[1]!)) {
      const family = foldName(p.tokens[0]!);
      bySurname.set(family, [...(bySurname.get(family) ?? []), p]);
    } else if (p.tokens.length > 1) {
      const first = foldName(p.tokens[0]!);
      byFirstName.set(first, [...(byFirstName.get(first) ?? []), p]);
    }
  }
  // Mention starts of the full names (pass 1), sorted once: "nearest" binary-searches them.
  const anchors = new Map<PersonDraft, number[]>(
    people.map((p) => [p, p.mentions.map((m) => m.start).sort((a, b) => a - b)]),
  );
  const nearest = (candidates: PersonDraft[], at: number): PersonDraft => {
    if (candidates.length === 1) return candidates[0]!;
    let best = candidates[0]!;
    let bestDistance = Infinity;
    for (const c of candidates) {
      const starts = anchors.get(c) ?? [];
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= at) lo = mid + 1;
        else hi = mid;
      }
      // A preceding full mention counts as is; a following one only weakly.
      const before = lo > 0 ? at - starts[lo - 1]! : Infinity;
      const after = lo < starts.length ? (starts[lo]! - at) * 20 : Infinity;
      const d = Math.min(before, after);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  };

  // A surname alone that several people of the article share is the one it was first given to, the
  // article's principal holder ("Sanders said" paragraphs after "his wife, Jane Sanders," is still the
  // senator: copy names the others in full), unless another holder was named just before.
  const surnameHolder = (candidates: PersonDraft[], at: number): PersonDraft => {
    const close = nearest(candidates, at);
    if (candidates.length === 1) return close;
    const closeStarts = anchors.get(close) ?? [];
    if (closeStarts.some((s) => s < at && at - s <= JUST_NAMED_CHARS)) return close;
    // The principal is introduced by a first name (not a stray word glued to the surname, nor the
    // same first name written another way), not as someone's kin ("brother of X", "his wife, X") and
    // not as a knight, whom copy calls "Sir Ian", not by the surname.
    const introduction = (c: PersonDraft): number => {
      const starts = anchors.get(c) ?? [];
      const first = starts[0];
      const opening = c.tokens[0]!;
      if (
        first === undefined ||
        NON_PERSON_LAST_WORDS.has(opening) ||
        (!isKnownFirstName(opening.toLowerCase()) && starts.length < 2)
      )
        return Infinity;
      const before = text.slice(Math.max(0, first - 40), first);
      if (
        /(?<![\p{L}\p{M}])(?:of|to|for|by|with|and|Sir|Dame|Lord|Lady)\s+$/u.test(before) ||
        kinBefore(text, first)
      )
        return Infinity;
      return first;
    };
    let principal = close;
    let principalAt = introduction(close);
    for (const c of candidates) {
      const cAt = introduction(c);
      if (cAt < principalAt) {
        principal = c;
        principalAt = cAt;
      }
    }
    return principal.tokens[0] === close.tokens[0] ? close : principal;
  };

  // One-word runs never sit inside a longer run, so a start offset identifies a claimed mention.
  const singleClaimed = new Set<number>(claimed.map((c) => c.start));
  // "Mrs. Clinton" where the article names Bill and Hillary Clinton: the honorific fits one holder
  // of the surname only (the others have the other gender), who takes its gender before any
  // "Mr. Clinton" is assigned, wherever in the text the two stand.
  for (const { word, parsed } of singles) {
    const g = parsed.honorific ? HONORIFICS.get(parsed.honorific) : undefined;
    const holders = g ? bySurname.get(foldName(nameText(word))) : undefined;
    if (!g || !holders || holders.length < 2) continue;
    const open = holders.filter((c) => !c.gender);
    if (open.length === 1 && holders.every((c) => !c.gender || c.gender !== g)) open[0]!.gender = g;
  }

  // Pass 2: one-word mentions with a title or honorific ("Mr Y", "President Y") found in pass 1.
  for (const { word, parsed } of singles) {
    const key = foldName(nameText(word));
    let candidates = bySurname.get(key);
    // "Sir Alan" after "Sir Alan Budd": "Sir" and "Dame" go with the first name.
    if (!candidates && (parsed.honorific === 'sir' || parsed.honorific === 'dame')) {
      const byFirst = byFirstName.get(key);
      if (byFirst?.length === 1) candidates = byFirst;
    }
    // "Mr. Obama" where the article names only Michelle Obama: someone else, not the woman.
    const ownGender = parsed.honorific ? HONORIFICS.get(parsed.honorific) : undefined;
    const others = candidates;
    // (a gender the world's name lists gave is no evidence against it: "Mr Mittal" is Lakshmi Mittal)
    if (
      ownGender &&
      candidates?.every(
        (c) => c.gender !== undefined && c.gender !== ownGender && !hasWorldGenderOnly(c.name.split(' ')[0]!),
      )
    )
      candidates = undefined;
    const titled = parsed.title ?? parsed.honorific;
    // (after "Mr", "Mrs", "Dr" a place name is a surname: "Mr Prescott", "Mrs Jordan")
    if (!parsed.honorific && isPlaceOrOrg(nameText(word))) continue;
    if (!parsed.honorific && companySuffixAfter(text, word.end)) continue;
    if (candidates) {
      // "Mrs. Varnes" when the article names Hilda and Bill Varnes: not the one of the other gender.
      const honorificGender = parsed.honorific ? HONORIFICS.get(parsed.honorific) : undefined;
      const fitting = honorificGender
        ? candidates.filter((c) => !c.gender || c.gender === honorificGender)
        : candidates;
      // One of that gender goes before one whose first name the lists give to both ("Mr. Trump" is
      // Donald, not Freddy; "Mr. Clinton" Bill, not Hillary); a first name the lists do not know at all
      // may be that gender's ("Mr. Bush" may be Jeb among other Bushes): the nearest of those.
      const sameGender = fitting.filter((c) => c.gender === honorificGender);
      const unlisted = fitting.filter((c) => !c.gender && !isKnownFirstName(c.name.split(' ')[0]!));
      const pool =
        honorificGender !== undefined && sameGender.length > 0
          ? [...sameGender, ...unlisted]
          : fitting.length > 0
            ? fitting
            : candidates;
      const person = surnameHolder(pool, word.start);
      const span = { start: word.start, end: word.start + nameText(word).length };
      if (!singleClaimed.has(span.start)) {
        person.mentions.push(span);
        claimed.push(span);
        singleClaimed.add(span.start);
      }
      if (parsed.title) {
        person.roles.push({
          title: parsed.title.text,
          span: parsed.title.span,
          ...(parsed.country ? { country: parsed.country } : {}),
        });
        person.aliases.add(`${parsed.title.text} ${nameText(word)}`);
      }
      if (parsed.honorific) {
        // "Mr Mittal" outweighs a gender the world's name lists gave ("Lakshmi" is mostly a woman's
        // name), not one the English lists gave: "Mr Jackson" may be the son of Katherine Jackson.
        const g = HONORIFICS.get(parsed.honorific);
        const first = person.name.split(' ')[0]!;
        // (only when the honorific left one holder of the surname: "Mr. Clinton" chosen among Bill and
        // Hillary by nearness is no evidence that Hillary is a man)
        if (g && pool.length === 1 && (!person.gender || (person.weakGender && hasWorldGenderOnly(first)))) {
          person.gender = g;
          person.weakGender = false;
        }
      }
    } else if (!titled && kinBefore(text, word.start) && byFirstName.get(key)?.length === 1) {
      // "his wife Ana" when the article names Ana Ruiz: her first name, not somebody new.
      const person = byFirstName.get(key)![0]!;
      const span = { start: word.start, end: word.start + nameText(word).length };
      if (!singleClaimed.has(span.start)) {
        person.mentions.push(span);
        claimed.push(span);
        singleClaimed.add(span.start);
      }
    } else if (!titled && !byFirstName.has(key) && loneSurnamePerson(text, word)) {
      // "Parry explained. ... He added": an unlisted surname alone, as a person's (see below).
      const person = addPerson([word], parsed, pronounAfter(text, word.start + nameText(word).length));
      bySurname.set(key, [person]);
    } else if (!titled && loneFirstNameSpeaker(text, word, byFirstName.has(key))) {
      // "Michelle, a mother of twins, said": a person named by first name only; her gender is the name's.
      const person = addPerson([word], parsed, firstNameGender(word.key));
      if (person.gender) person.weakGender = true;
      bySurname.set(key, [person]);
    } else if (titled || kinBefore(text, word.start)) {
      const g =
        (parsed.honorific ? HONORIFICS.get(parsed.honorific) : undefined) ??
        (parsed.title ? GENDERED_TITLES.get(parsed.title.head) : undefined) ??
        kinBefore(text, word.start);
      const person = addPerson([word], parsed, g);
      bySurname.set(key, [...(others ?? []), person]);
      const apposition = roleAfter(text, word.start + nameText(word).length);
      if (apposition)
        person.roles.push({
          title: apposition.title,
          span: apposition.span,
          ...(apposition.country ? { country: apposition.country } : {}),
        });
    }
  }

  // Pass 3: bare surname / first-name mentions anywhere in the text.
  if (people.length > 0) {
    const claimedChars = new Uint8Array(text.length + 1);
    for (const c of claimed) claimedChars.fill(1, c.start, c.end);
    // Every capitalised word sits in one of the runs found above: no second pass over the text.
    const words = runs.flatMap((run) => splitRun(run.text, run.start));
    for (const word of words) {
      if (!/^\p{Lu}/u.test(word.text)) continue;
      const raw = word.text.replace(/\.$/, '').replace(/['’]s?$/, '');
      if (raw.length < 2) continue;
      const m = { index: word.start };
      // ASCII names fold to lower case; only others need the (slower) diacritics folding.
      const key = /^[A-Za-z'-]*$/.test(raw) ? raw.toLowerCase() : foldName(raw);
      const start = m.index;
      const end = start + raw.length;
      let candidates = bySurname.get(key);
      if (!candidates) {
        const byFirst = byFirstName.get(key);
        // A first name alone only when it is unambiguous and nobody has it as a surname.
        if (byFirst && byFirst.length === 1) candidates = byFirst;
      }
      if (!candidates || claimedChars[start] === 1) continue;
      if (insideLongerName(text, start, end)) continue;
      // A month that is someone's surname is still a month in "in May", "May 3", "last May".
      if (
        CALENDAR_WORDS.test(key) &&
        (CALENDAR_CONTEXT_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ||
          /^\s*\d/.test(text.slice(end, end + 3)))
      )
        continue;
      // A place that is someone's surname ("Mr Paris") is still a place after a preposition ("flew to Paris").
      if (
        /\b(?:in|to|from|at|near|outside|across|around|via)\s+$/i.test(
          text.slice(Math.max(0, start - 9), start),
        ) &&
        isPlaceOrOrg(raw)
      )
        continue;
      const person = surnameHolder(candidates, start);
      person.mentions.push({ start, end });
      claimedChars.fill(1, start, end);
      if (raw !== person.name) person.aliases.add(raw);
    }
  }

  // "her father Y", "his wife Y": a gendered kinship or role noun right before any mention, short
  // forms included, gives the gender (stronger than a nearby pronoun).
  for (const p of people) {
    if (p.gender && !p.weakGender) continue;
    for (const m of p.mentions) {
      const noun = /(?:^|[^\p{L}])(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1];
      const gender = noun ? ROLE_GENDER[noun] : undefined;
      if (gender) {
        p.gender = gender;
        p.weakGender = false;
        break;
      }
    }
  }
  for (const p of people) {
    if (p.gender) continue;
    const fromRole = p.roles
      .map((r) => ROLE_GENDER[r.title.toLowerCase().split(/\s+/).at(-1) ?? ''])
      .find(Boolean);
    if (fromRole) p.gender = fromRole;
  }
  inferGenderFromPronouns(text, sentences, people);

  people.sort(
    (a, b) => Math.min(...a.mentions.map((s) => s.start)) - Math.min(...b.mentions.map((s) => s.start)),
  );
  return people.map((p, i) => {
    p.mentions.sort((a, b) => a.start - b.start);
    const record: EntityRecord = {
      localId: `p${i + 1}`,
      type: 'Person',
      name: p.name,
      aliases: [...p.aliases].filter((a) => a !== p.name),
      mentions: p.mentions,
      roles: dedupeRoles(p.roles),
    };
    if (p.nationality) record.nationality = p.nationality;
    if (p.gender) record.gender = p.gender;
    return record;
  });
}

/**
 * "Ragheb Al Tamimi, 49, ..." and later "Al Tamimi said": a name of two or more words that is the
 * tail of exactly one longer full name (a surname with a particle, or a double surname) is that
 * person, not a second one. The merged draft leaves `people`; `byFullName` points at the survivor.
 */
/** How close a full name stands before a shared surname for the surname to be that person's. */
const JUST_NAMED_CHARS = 600;

/** Words that open a compound surname: "Al Sayegh", "Abu Laban", "Van Dyke", "Le Brun". */
const SURNAME_PARTICLE =
  /^(?:al|el|abu|bin|ben|ibn|van|von|de|da|di|du|del|della|le|la|mac|st|san|santa|ter|ten|ould|dos|das)$/;

function mergeNameTails(people: PersonDraft[], byFullName: Map<string, PersonDraft>): void {
  const byTail = new Map<string, PersonDraft[]>();
  for (const p of people) {
    for (let k = 1; k <= p.tokens.length - 2; k++) {
      const tail = foldName(p.tokens.slice(k).join(' '));
      const owners = byTail.get(tail);
      if (owners) owners.push(p);
      else byTail.set(tail, [p]);
    }
  }
  if (byTail.size === 0) return;
  const merged = new Set<PersonDraft>();
  for (const p of people) {
    // "Ted Cruz" inside "Sens Ted Cruz" or "Neither Ted Cruz" is a name of its own; a tail that
    // opens with a particle or a word that is no first name is a surname ("Al Sayegh", "Le Brun").
    if (p.tokens.length < 2) continue;
    const opening = p.tokens[0]!.toLowerCase();
    if (isKnownFirstName(opening) && !SURNAME_PARTICLE.test(opening)) continue;
    const key = foldName(p.tokens.join(' '));
    const owners = (byTail.get(key) ?? []).filter((o) => o !== p && !merged.has(o));
    if (owners.length !== 1) continue;
    const owner = owners[0]!;
    owner.mentions.push(...p.mentions);
    owner.aliases.add(p.name);
    for (const a of p.aliases) owner.aliases.add(a);
    owner.roles.push(...p.roles);
    owner.nationality ??= p.nationality;
    // (not the gender a particle read as a first name gave: "Al" in "Al Basha" is no man's name)
    if (!owner.gender && p.gender && !(SURNAME_PARTICLE.test(opening) && p.weakGender !== false)) {
      owner.gender = p.gender;
      owner.weakGender = p.weakGender;
    }
    owner.first = Math.min(owner.first, p.first);
    byFullName.set(key, owner);
    merged.add(p);
  }
  if (merged.size === 0) return;
  const kept = people.filter((p) => !merged.has(p));
  people.length = 0;
  people.push(...kept);
}

/**
 * True when a capitalised word is glued to other capitalised words that are not a title or a
 * sentence opener ("Smith Road", "Lake Smith"): then it is part of another name.
 */
function insideLongerName(text: string, start: number, end: number): boolean {
  if (/^[ \u00a0]\p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))) return true;
  const before = /(?:^|[^\p{L}.])(\p{Lu}[\p{L}\p{M}'’-]*\.?)[ \u00a0]$/u.exec(
    text.slice(Math.max(0, start - 30), start),
  );
  if (!before) return false;
  const key = wordKey(before[1]!);
  if (isTitleWord(key) || TITLE_MODIFIERS.has(key) || NON_NAME_WORDS.has(key)) return false;
  // Sentence-initial word ("Still Y said") is not a name part either.
  const ahead = text.slice(Math.max(0, start - 40), start - before[1]!.length - 1).trimEnd();
  return !(ahead === '' || /[.!?"“”:\n]$/.test(ahead));
}

function dedupeRoles(roles: RoleRecord[]): RoleRecord[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = `${r.title.toLowerCase()}|${r.country ?? ''}|${r.organization ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A person without a gender yet takes the gender of the first personal pronoun after one of their
 * first mentions, provided no other person is mentioned in between.
 */
function inferGenderFromPronouns(text: string, sentences: Sentence[], people: PersonDraft[]): void {
  const allMentions = people.flatMap((p) =>
    p.mentions.map((m) => ({ person: p, start: m.start, end: m.end })),
  );
  allMentions.sort((a, b) => a.start - b.start);
  // A bare surname that several people of the article share ("Hendrix" of a family) may be any of
  // them: its pronoun says nothing about the one it was given to.
  const surnameOwners = new Map<string, number>();
  for (const p of people) {
    const last = foldName(p.name.split(' ').at(-1)!);
    if (p.name.includes(' ')) surnameOwners.set(last, (surnameOwners.get(last) ?? 0) + 1);
  }
  const sharedSurname = (start: number, end: number): boolean => {
    const word = text.slice(start, end);
    return !/\s/.test(word) && (surnameOwners.get(foldName(word)) ?? 0) > 1;
  };
  const votes = new Map<PersonDraft, { male: number; female: number }>();
  for (let i = 0; i < allMentions.length; i++) {
    const mention = allMentions[i]!;
    if (mention.person.gender && !mention.person.weakGender) continue;
    if (sharedSurname(mention.start, mention.end)) continue;
    // "X, 49, and Y, 39, are eager ... he's been unable": the pronoun after a pair may be either.
    const previous = allMentions[i - 1];
    if (
      previous &&
      previous.person !== mention.person &&
      /^(?:,\s*\d{1,3},?)?\s*(?:and|&)\s+(?:\p{Ll}+\s+){0,2}$/u.test(text.slice(previous.end, mention.start))
    )
      continue;
    let nextOther: (typeof allMentions)[number] | undefined;
    for (let j = i + 1; j < allMentions.length; j++) {
      const other = allMentions[j]!;
      // A possessive ("about Kim's plan") is not a competing antecedent of a subject pronoun.
      if (other.person !== mention.person && !/^['’]s?\b/.test(text.slice(other.end, other.end + 2))) {
        nextOther = other;
        break;
      }
    }
    const sentenceEnd = sentenceAt(sentences, mention.start)?.end ?? text.length;
    const limit = Math.min(nextOther?.start ?? text.length, sentenceEnd + 300);
    const window = text.slice(mention.end, limit);
    // Subject pronouns only: "her son X at her home" says nothing about X.
    const pronoun = /\b(he|himself|she|herself)\b/i.exec(window);
    if (!pronoun) continue;
    const gender = PRONOUN_GENDER[pronoun[1]!.toLowerCase()]!;
    // Overruling a first-name gender takes a mention opening its sentence (the likely antecedent).
    if (
      mention.person.weakGender &&
      !/^(?:\s*(?:\p{Lu}[\p{L}.'’-]*|the|of|[a-z]+(?:man|woman|person|er|or|ist|ian)))*\s*$/u.test(
        text.slice(sentenceAt(sentences, mention.start)?.start ?? mention.start, mention.start),
      )
    )
      continue;
    // ... and a pronoun in that sentence or opening the next one ("But he said").
    if (
      mention.person.weakGender &&
      mention.end + pronoun.index > sentenceEnd &&
      !/^[\s"“”]*(?:\p{Lu}\p{Ll}*\s+)?$/u.test(window.slice(sentenceEnd - mention.end, pronoun.index))
    )
      continue;
    const tally = votes.get(mention.person) ?? { male: 0, female: 0 };
    tally[gender]++;
    votes.set(mention.person, tally);
  }
  for (const [person, tally] of votes) {
    // A first name shared across languages ("Lu", "Kim") yields to what the text's pronouns say.
    if (person.weakGender && person.gender && tally[person.gender] > 0) continue;
    if (tally.male > tally.female) person.gender = 'male';
    else if (tally.female > tally.male) person.gender = 'female';
  }
}
