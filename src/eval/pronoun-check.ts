/**
 * Pronoun resolution measured on a news corpus without annotations: in each attribution where a
 * person is named right before the cue ('"...," Mr Blair said'), the name is replaced by the pronoun
 * the article's own courtesy titles give ("Mr Blair" elsewhere -> "he"), and the quote must still go to
 * that person. Only people named earlier in the article are used, so a reader could resolve the
 * pronoun. Replacing a name the writer chose is harder than a pronoun the writer chose (the writer
 * may have named the speaker to avoid ambiguity), so the figure is a floor; it is for finding pronoun
 * errors on thousands of unseen cases, not for the report.
 *
 *   npx tsx src/eval/pronoun-check.ts [--file articles.jsonl] [--limit N] [--nearest] [--errors]
 *
 * `--roles` replaces the name by "the <role>" instead (a title the article gives that person and nobody
 * else, "the home secretary"), to check descriptions the same way.
 * `--nearest` keeps only the cases where the speaker is also the person named last before the pronoun,
 * the ones a reader resolves without thinking: a miss there is a resolver error, not an ambiguity.
 *
 * The default corpus is ../shared/corpus/bbc-news-2225 (BBC style writes "Mr"/"Mrs"/"Ms" throughout);
 * `--file ../shared/eval/polnear/docs.jsonl` uses PolNeAR's dev articles (US style, "Mr."/"Ms.").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { HONORIFICS, TITLE_HEADS } from '../extract/person-lexicon.js';
import type { EntityRecord } from '../extract/types.js';
import { extractForEval } from './pipeline.js';
import { speakerMatches } from './speaker-match.js';

interface Article {
  id: string;
  text: string;
  /** Set in evaluation sets (PolNeAR, Gender Gap Tracker): only `dev` articles are used. */
  split?: string;
}

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const file =
  arg('--file') ?? resolve(PROJECT_ROOT, '..', 'shared', 'corpus', 'bbc-news-2225', 'articles.jsonl');
const limit = Number(arg('--limit') ?? Infinity);
const showErrors = process.argv.includes('--errors');
/** Only cases where the speaker is the person named last before the pronoun (no other candidate in between). */
const nearestOnly = process.argv.includes('--nearest');
/** Replace the name by "the <role>" (a title the article gives that person and nobody else) instead of a pronoun. */
const byRole = process.argv.includes('--roles');
const oneLine = (s: string): string => s.replace(/\s+/g, ' ');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The gender the article's courtesy titles give a surname, if they agree. */
function titledGender(text: string, surname: string): 'male' | 'female' | undefined {
  const titles = new Set(
    [...text.matchAll(new RegExp(String.raw`\b(Mr|Mrs|Ms|Miss)\.?\s+${escape(surname)}\b`, 'g'))].map((m) =>
      m[1] === 'Mr' ? 'male' : 'female',
    ),
  );
  return titles.size === 1 ? [...titles][0] : undefined;
}

/** A role title of `person` that no other person of the article holds ("home secretary"). */
function uniqueTitle(person: EntityRecord, entities: EntityRecord[]): string | undefined {
  const titles = (e: EntityRecord): string[] => (e.roles ?? []).map((r) => r.title.toLowerCase());
  const others = new Set(entities.filter((e) => e !== person && e.type === 'Person').flatMap(titles));
  return titles(person).find((t) => !others.has(t) && /^[\p{L} -]+$/u.test(t));
}

/** Where the titles before a name start: honorifics, office titles and the person's own role words. */
function titleStart(text: string, start: number, person: EntityRecord): number {
  const own = new Set((person.roles ?? []).flatMap((r) => r.title.toLowerCase().split(/\s+/)));
  let at = start;
  for (;;) {
    const word = /([\p{L}.-]+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at));
    if (!word) return at;
    const w = word[1]!.replace(/\.$/, '').toLowerCase();
    if (!HONORIFICS.has(w) && !TITLE_HEADS.has(w) && !own.has(w)) return at;
    at -= word[0].length;
  }
}

interface Case {
  article: string;
  perturbed: string;
  quoteText: string;
  speaker: string;
  at: number;
}

/** The perturbed copies of one article: one named speaker before a cue replaced by a pronoun each. */
function casesOf(article: Article): Case[] {
  const { text } = article;
  const { quotes, entities } = extractForEval(text);
  const byId = new Map(entities.map((e) => [e.localId, e]));
  const cases: Case[] = [];
  for (const q of quotes) {
    const mention = q.speakerMention;
    const entity = q.speaker ? byId.get(q.speaker) : undefined;
    if (!mention || !q.cue || entity?.type !== 'Person') continue;
    if (!/^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$/u.test(mention.text)) continue;
    // The name right before its cue ('X said', not 'said X' or 'X, a lawyer, said').
    if (
      !new RegExp(String.raw`^\s+${escape(q.cue)}\b`).test(
        text.slice(mention.span.end, mention.span.end + 30),
      )
    )
      continue;
    // Titles in front ("Mr", "Professor", "Labour spokesman") belong to the name that is replaced.
    const start = titleStart(text, mention.span.start, entity);
    // Not the object of a preposition ("a spokesman for Mr X warned").
    if (/\b(?:for|of|to|with|by|from|about)\s+$/i.test(text.slice(Math.max(0, start - 6), start))) continue;
    if (!entity.mentions.some((m) => m.end < start)) continue;
    if (nearestOnly) {
      const before = entities
        .filter((e) => e.type === 'Person')
        .flatMap((e) => e.mentions.filter((m) => m.end < start).map((m) => ({ e, at: m.start })));
      const last = before.reduce<(typeof before)[number] | undefined>(
        (a, b) => (!a || b.at > a.at ? b : a),
        undefined,
      );
      if (last?.e !== entity) continue;
    }
    const gender = titledGender(text, entity.name.split(/\s+/).at(-1)!);
    const role = byRole ? uniqueTitle(entity, entities) : undefined;
    if (byRole ? !role : !gender) continue;
    const sentenceStart = /(?:^|[.!?]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));
    const pronoun = role ? `the ${role}` : gender === 'male' ? 'he' : 'she';
    const word = sentenceStart ? pronoun.charAt(0).toUpperCase() + pronoun.slice(1) : pronoun;
    cases.push({
      article: article.id,
      perturbed: text.slice(0, start) + word + text.slice(mention.span.end),
      quoteText: q.text,
      speaker: entity.name,
      at: start,
    });
  }
  return cases;
}

const articles = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Article)
  // An evaluation set's held-out split stays unseen.
  .filter((a) => a.split === undefined || a.split === 'dev')
  .slice(0, limit);
let total = 0;
let right = 0;
let lost = 0;
for (const article of articles) {
  for (const c of casesOf(article)) {
    total++;
    const { quotes, predicted } = extractForEval(c.perturbed);
    const index = quotes.findIndex((q) => q.text === c.quoteText);
    if (index < 0) {
      lost++;
      continue;
    }
    const got = predicted[index]!.speaker;
    if (speakerMatches(got, c.speaker)) {
      right++;
      continue;
    }
    if (showErrors)
      console.log(
        `--- ${c.article} @${c.at} want ${c.speaker}, got ${got ?? '∅'}\n    ${oneLine(c.perturbed.slice(Math.max(0, c.at - 400), c.at + 60))}`,
      );
  }
}
console.log(
  `${byRole ? 'role' : 'pronoun'} check on ${articles.length} articles: ${total} names replaced by ${byRole ? 'a role description' : 'a pronoun'}, ${right} still attributed right ` +
    `(${((100 * right) / Math.max(1, total - lost)).toFixed(1)}% of the ${total - lost} quotes found again; ${lost} quotes lost)`,
);
