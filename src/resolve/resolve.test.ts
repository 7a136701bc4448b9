import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract/index.js';
import { NODE_LABELS, type NodeAttributes } from '../model/ontology.js';
import { resolveCorpus } from './index.js';
import { parseName, similarNames } from './names.js';

function corpus(articles: Record<string, string>) {
  const docs = Object.entries(articles).map(([id, text]) =>
    extractDocument({ id, text, date: '2021-06-17' }),
  );
  return resolveCorpus(docs);
}

function nodesOfType(graph: ReturnType<typeof corpus>, type: string): [string, NodeAttributes][] {
  const out: [string, NodeAttributes][] = [];
  graph.forEachNode((key, attr) => {
    if (attr.type === type) out.push([key, attr]);
  });
  return out;
}

describe('name variants', () => {
  it('treats transliteration variants as one name and different names as different', () => {
    const same: [string, string][] = [
      ['Sergey Olenko', 'Sergei Olenko'],
      ['Aleksandr Dvorin', 'Alexander Dvorin'],
      ['Volodymyr Hrenko', 'Vladimir Hrenko'],
      ['Yuliya Marchuk', 'Yulia Marchuk'],
      ['Mehmet Çelikoğlu', 'Mehmet Celikoglu'],
    ];
    for (const [a, b] of same) expect(similarNames(parseName(a)!, parseName(b)!), `${a} ~ ${b}`).toBe(true);
    expect(similarNames(parseName('Vladimir Hrenko')!, parseName('Vladimir Tesler')!)).toBe(false);
    expect(similarNames(parseName('Anna Kowal')!, parseName('Boris Kowal')!)).toBe(false);
  });

  it('takes a short form of a given name for the full name, not for another short form', () => {
    const same: [string, string][] = [
      ['Bernie Oldcastle', 'Bernard Oldcastle'],
      ['Bill Tarrant', 'William Tarrant'],
      ['Chris Venn', 'Christine Venn'],
      ['Chris Venn', 'Christopher Venn'],
      ['Tony Maddox', 'Anthony Maddox'],
    ];
    for (const [a, b] of same) expect(similarNames(parseName(a)!, parseName(b)!), `${a} ~ ${b}`).toBe(true);
    const different: [string, string][] = [
      ['Jack Tarrant', 'Johnny Tarrant'],
      ['Christine Venn', 'Christopher Venn'],
      ['Bernard Oldcastle', 'Bertram Oldcastle'],
      ['Constructor Venn', 'Christopher Venn'],
      // The rest of the name must be the same words.
      ['Alex Bell', 'Alexander Graham Bell'],
      ['Jack Dee', 'John Doe'],
    ];
    for (const [a, b] of different) expect(similarNames(parseName(a)!, parseName(b)!), `${a} ~ ${b}`).toBe(false);
  });

  it('makes one person of a full given name and its short form across articles', () => {
    const graph = corpus({
      h1: 'Telecoms chief Bernard Oldcastle denied the charges in court on Monday.',
      h2: 'Former telecoms boss Bernie Oldcastle told the jury he knew nothing of the losses.',
    });
    const people = nodesOfType(graph, 'Person').filter(([, a]) => /Oldcastle/.test(a.name));
    expect(people).toHaveLength(1);
    const person = people[0]![1] as NodeAttributes & { aliases: string[] };
    expect(person.articles).toEqual(['h1', 'h2']);
    expect([person.name, ...person.aliases]).toEqual(
      expect.arrayContaining(['Bernard Oldcastle', 'Bernie Oldcastle']),
    );
  });
});

describe('cross-article resolution', () => {
  const graph = corpus({
    a1: 'Latvian Foreign Minister Sergey Olenko met reporters in Riga on Monday. "We will not give up," Olenko said.',
    a2: 'Foreign Minister Sergei Olenko of Latvia spoke on Tuesday. "We will not give up," said Olenko.',
    a3: 'Mr Olenko told the assembly the plan was sound.',
    a4: 'Ilse Varga, a Hungarian envoy, spoke to the press. "We will not give up," Varga said.',
  });

  it('merges transliteration variants and a surname-only mention into one person', () => {
    const people = nodesOfType(graph, 'Person').filter(([, a]) => /Olenko/.test(a.name));
    expect(people).toHaveLength(1);
    const [key, attr] = people[0]!;
    expect(key.startsWith('person:')).toBe(true);
    expect(attr.articles).toEqual(['a1', 'a2', 'a3']);
    expect((attr as { aliases: string[] }).aliases.join('|')).toMatch(/Serge[yi] Olenko/);
  });

  it('gives the person HOLDS_OFFICE and NATIONAL_OF edges to the country', () => {
    const [personKey] = nodesOfType(graph, 'Person').find(([, a]) => /Olenko/.test(a.name))!;
    const edges = graph
      .outEdges(personKey)
      .map((e) => ({ ...graph.getEdgeAttributes(e), target: graph.target(e) }));
    const office = edges.find((e) => e.type === 'HOLDS_OFFICE');
    expect(office?.target).toBe('country:lv');
    expect(office?.title).toMatch(/Foreign Minister/i);
    expect(edges.some((e) => e.type === 'NATIONAL_OF' && e.target === 'country:lv')).toBe(true);
    expect(office?.articles.length).toBeGreaterThan(0);
    expect(office?.spans.length).toBeGreaterThan(0);
  });

  it('places Riga in Latvia', () => {
    expect(graph.hasEdge('LOCATED_IN|place:lv:riga|country:lv')).toBe(true);
  });

  it('makes one corroborated Quote node, SAID from each speaker, contested when outlets disagree', () => {
    const quotes = nodesOfType(graph, 'Quote').filter(([, a]) =>
      /We will not give up/.test((a as { text: string }).text),
    );
    expect(quotes).toHaveLength(1);
    const [qKey, q] = quotes[0]!;
    const quote = q as { corroboration: number; mentions: { article: string }[]; kind: string };
    expect(quote.kind).toBe('direct');
    expect(quote.corroboration).toBe(3);
    expect(new Set(quote.mentions.map((m) => m.article))).toEqual(new Set(['a1', 'a2', 'a4']));
    const said = graph.inEdges(qKey).map((e) => ({ source: graph.source(e), ...graph.getEdgeAttributes(e) }));
    expect(said.every((e) => e.type === 'SAID')).toBe(true);
    expect(said).toHaveLength(2);
    expect(said.every((e) => e.contested === true)).toBe(true);
  });

  it('gives every node type and name, and every edge type and provenance', () => {
    graph.forEachNode((_, a) => {
      expect(NODE_LABELS).toContain(a.type);
      expect(typeof a.name).toBe('string');
      expect(Array.isArray(a.articles)).toBe(true);
    });
    graph.forEachEdge((_, a) => {
      expect(typeof a.type).toBe('string');
      expect(a.type).toMatch(/^[A-Z_]+$/);
      expect(a.articles.length).toBeGreaterThan(0);
    });
  });

  it('builds the same graph again from the same input (stable keys)', () => {
    const again = corpus({
      a1: 'Latvian Foreign Minister Sergey Olenko met reporters in Riga on Monday. "We will not give up," Olenko said.',
      a2: 'Foreign Minister Sergei Olenko of Latvia spoke on Tuesday. "We will not give up," said Olenko.',
      a3: 'Mr Olenko told the assembly the plan was sound.',
      a4: 'Ilse Varga, a Hungarian envoy, spoke to the press. "We will not give up," Varga said.',
    });
    expect(JSON.stringify(again.export())).toBe(JSON.stringify(graph.export()));
  });
});

describe('surname ambiguity', () => {
  it('merges a surname-only mention into the one full name whose gender fits', () => {
    const graph = corpus({
      b1: 'Prime Minister Karin Dahlberg spoke on Monday.',
      b2: 'Opposition leader Nils Dahlberg replied on Tuesday.',
      b3: 'Mr Dahlberg said the vote would go ahead.',
    });
    const nils = nodesOfType(graph, 'Person').find(([, a]) => a.name === 'Nils Dahlberg');
    expect(nils?.[1].articles).toEqual(['b2', 'b3']);
  });

  it('keeps a surname-only mention apart when two people share the surname', () => {
    const graph = corpus({
      b1: 'Prime Minister Karin Dahlberg spoke on Monday.',
      b2: 'Opposition leader Nils Dahlberg replied on Tuesday.',
      b3: 'Minister Dahlberg said the vote would go ahead.',
    });
    const people = nodesOfType(graph, 'Person').filter(([, a]) => /Dahlberg/.test(a.name));
    expect(people.map(([, a]) => a.name).sort()).toEqual(['Dahlberg', 'Karin Dahlberg', 'Nils Dahlberg']);
  });

  it('does not merge a bare surname into a full name whose surname is only close to it', () => {
    const graph = corpus({
      b1: 'Midfielder Tomas Varela scored twice on Saturday.',
      b2: 'Mr Vorela said the club would appeal.',
    });
    const people = nodesOfType(graph, 'Person').filter(([, a]) => /V[ao]rel/.test(a.name));
    expect(people.map(([, a]) => a.name).sort()).toEqual(['Tomas Varela', 'Vorela']);
  });

  /** Nils Dahlberg in `nils` articles, Karin Dahlberg in `karin`, then one that names only "Minister Dahlberg". */
  function sharedSurname(nils: number, karin: number) {
    const articles: Record<string, string> = {};
    for (let i = 0; i < nils; i++) articles[`n${i}`] = `Opposition leader Nils Dahlberg spoke in debate ${i + 1}.`;
    for (let i = 0; i < karin; i++) articles[`k${i}`] = `Prime Minister Karin Dahlberg replied in debate ${i + 1}.`;
    articles['z'] = 'Minister Dahlberg said the vote would go ahead.';
    return nodesOfType(corpus(articles), 'Person').filter(([, a]) => /Dahlberg/.test(a.name));
  }

  it('merges a bare surname into the full name far better known than the others that fit', () => {
    const people = sharedSurname(11, 2);
    expect(people.map(([, a]) => a.name).sort()).toEqual(['Karin Dahlberg', 'Nils Dahlberg']);
    expect(people.find(([, a]) => a.name === 'Nils Dahlberg')![1].articles).toContain('z');
  });

  it('keeps a bare surname apart when the best-known name is not far ahead', () => {
    const people = sharedSurname(11, 3);
    expect(people.map(([, a]) => a.name).sort()).toEqual(['Dahlberg', 'Karin Dahlberg', 'Nils Dahlberg']);
  });
});

describe('gender disagreement across articles', () => {
  const texts = [
    'Mayor Tove Ekdal opened the bridge. "It took ten years," Ekdal said.',
    'Mayor Tove Ekdal closed the harbour road. "The repairs cannot wait," Ekdal said.',
    'Mayor Tove Ekdal met the council. "We have the money now," Ekdal said.',
  ];
  /** The three articles, the Person record of each given `genders[i]` (an article's pronouns may err). */
  function docsWith(genders: ('male' | 'female' | undefined)[]) {
    return texts.map((text, i) => {
      const doc = extractDocument({ id: `c${i + 1}`, text, date: '2021-06-17' });
      const entities = doc.entities.map((e) => {
        if (e.type !== 'Person') return e;
        const { gender: _dropped, ...rest } = e;
        const g = genders[i];
        return g ? { ...rest, gender: g } : rest;
      });
      return { ...doc, entities };
    });
  }

  it('keeps one node, with every article and quote, for one name whose articles disagree on the gender', () => {
    const graph = resolveCorpus(docsWith(['male', 'female', 'female']));
    const people = nodesOfType(graph, 'Person').filter(([, a]) => a.name === 'Tove Ekdal');
    expect(people).toHaveLength(1);
    const [key, attrs] = people[0]!;
    expect(attrs.articles).toEqual(['c1', 'c2', 'c3']);
    // The gender most articles give, not the first one read.
    expect((attrs as { gender?: string }).gender).toBe('female');
    const said = graph.filterEdges((_e, a, source) => a.type === 'SAID' && source === key);
    expect(said).toHaveLength(3);
    // Every quote keeps its speaker.
    const quotes = nodesOfType(graph, 'Quote');
    expect(quotes).toHaveLength(3);
    for (const [q] of quotes) expect(graph.inNeighbors(q)).toContain(key);
  });

  it('gives no gender when the articles are evenly split, and still one node', () => {
    const graph = resolveCorpus(docsWith(['male', 'female', undefined]));
    const people = nodesOfType(graph, 'Person').filter(([, a]) => a.name === 'Tove Ekdal');
    expect(people).toHaveLength(1);
    expect((people[0]![1] as { gender?: string }).gender).toBeUndefined();
    expect(people[0]![1].articles).toEqual(['c1', 'c2', 'c3']);
  });
});

describe('contested quotes', () => {
  it('does not contest a quote two outlets give to the same group noun (one node per article each)', () => {
    const graph = corpus({
      p1: 'A warehouse burned in the port district. The blaze started before dawn, police said.',
      p2: 'Firefighters worked all night. The blaze started before dawn, police said on Sunday.',
    });
    const [qKey] = nodesOfType(graph, 'Quote').find(([, a]) => /blaze started/.test((a as { text: string }).text))!;
    const said = graph.inEdges(qKey).map((e) => ({ source: graph.source(e), ...graph.getEdgeAttributes(e) }));
    // Each article's police keep their own node and SAID edge, and nobody contests anything.
    expect(said.filter((e) => e.type === 'SAID')).toHaveLength(2);
    expect(new Set(said.map((e) => e.source)).size).toBe(2);
    expect(said.every((e) => e.contested === false)).toBe(true);
  });

  it('still contests it when one outlet gives it to the group and another to a person', () => {
    const graph = corpus({
      p1: 'A warehouse burned in the port district. The blaze started before dawn, police said.',
      p2: 'Firefighters worked all night. The blaze started before dawn, fire chief Mara Holm said.',
    });
    const [qKey] = nodesOfType(graph, 'Quote').find(([, a]) => /blaze started/.test((a as { text: string }).text))!;
    const said = graph.inEdges(qKey).map((e) => graph.getEdgeAttributes(e));
    expect(said).toHaveLength(2);
    expect(said.every((e) => e.contested === true)).toBe(true);
  });
});

describe('organisation and group speakers', () => {
  it('gives a quote attributed to a group or unlisted organisation a SAID edge from an Organization', () => {
    const graph = corpus({
      g1: 'A fire destroyed a warehouse in the port district on Sunday. Police said the blaze started before dawn.',
      g2: 'Police said a second warehouse was searched on Monday.',
    });
    const said: { source: NodeAttributes; quote: string }[] = [];
    graph.forEachEdge((_k, attr, source, target) => {
      if (attr.type === 'SAID')
        said.push({
          source: graph.getNodeAttributes(source),
          quote: String((graph.getNodeAttributes(target) as { text?: string }).text),
        });
    });
    const fromPolice = said.filter(
      (s) => s.source.type === 'Organization' && /police/i.test(String(s.source.name)),
    );
    expect(fromPolice.map((s) => s.quote).sort()).toEqual([
      'a second warehouse was searched on Monday',
      'the blaze started before dawn',
    ]);
    // Two articles' "police" are not assumed to be the same force.
    expect(new Set(fromPolice.map((s) => JSON.stringify(s.source.articles))).size).toBe(2);
  });
});

describe('article names', () => {
  it('names an untitled article by its lede, cut at a word with an ellipsis, keeping articleId', () => {
    const lede =
      'Harbour officials in the northern town of Vessby confirmed on Tuesday that the old ferry terminal will close for repairs next spring';
    const graph = corpus({ 'file-0042': `${lede}.\n\nMore text follows here.` });
    const [, article] = nodesOfType(graph, 'Article')[0]!;
    expect((article as { articleId?: string }).articleId).toBe('file-0042');
    expect(String(article.name).endsWith('…')).toBe(true);
    expect(String(article.name).length).toBeLessThanOrEqual(91);
    expect(lede.startsWith(String(article.name).slice(0, -1))).toBe(true);
    expect(String(article.name)).toMatch(/\w…$/);
  });

  it('skips scraped page furniture and a date label before the lede', () => {
    const graph = corpus({
      a: 'The Lincoln StarTruth Lives in Light\n\nFerry terminal to close for repairs\n\nMore text.',
      b: ' date 2021-06-17 Harbour officials closed the ferry terminal on Tuesday.',
    });
    const names = nodesOfType(graph, 'Article').map(([, article]) => article.name);
    expect(names.sort()).toEqual([
      'Ferry terminal to close for repairs',
      'Harbour officials closed the ferry terminal on Tuesday.',
    ]);
    expect(nodesOfType(graph, 'Person').map(([, p]) => p.name)).toEqual([]);
  });

  it('keeps a two-word name with an unusual capital as a person', () => {
    const graph = corpus({ a: 'Ingrid FairWeather said the ferry was late.' });
    expect(nodesOfType(graph, 'Person').map(([, p]) => p.name)).toEqual(['Ingrid FairWeather']);
  });
});

describe('events across articles', () => {
  it('merges the same meeting reported at a city and at its country, and keeps another country apart', () => {
    const graph = corpus({
      a: 'Norwegian Fisheries Minister Ingrid Halvorsen and Danish Fisheries Minister Lars Mikkelsen met in Bergen on Thursday to discuss quotas.',
      b: 'Ingrid Halvorsen and Lars Mikkelsen held talks in Norway on Thursday about fishing quotas.',
      c: 'Ingrid Halvorsen and Lars Mikkelsen held talks in Sweden on Thursday about fishing quotas.',
    });
    const events = nodesOfType(graph, 'Event').map(([key, attr]) => ({
      articles: attr.articles,
      date: (attr as { date?: string }).date,
      places: graph
        .outEdges(key)
        .filter((e) => graph.getEdgeAttribute(e, 'type') === 'MET_IN')
        .map((e) => graph.getNodeAttribute(graph.target(e), 'name')),
    }));
    expect(events.sort((x, y) => String(x.articles).localeCompare(String(y.articles)))).toEqual([
      { articles: ['a', 'b'], date: '2021-06-17', places: ['Bergen'] },
      { articles: ['c'], date: '2021-06-17', places: ['Sweden'] },
    ]);
  });
});

describe('events reported by different sides', () => {
  // One meeting: named by its ministers (with the host) in one outlet, by the countries in another, by
  // the host's minister in a third; a meeting of other countries elsewhere, and a one-person meeting
  // with nothing else in common, stay apart.
  const graph = corpus({
    a: 'Norwegian Foreign Minister Ingrid Halvorsen and Danish Foreign Minister Lars Mikkelsen held talks in Reykjavik on Thursday, hosted by Iceland.',
    b: 'Talks between Norway, Denmark and Iceland in Iceland ended without an agreement on quotas.',
    c: 'Icelandic Foreign Minister Sigrun Jonsdottir chaired a meeting with Norwegian Foreign Minister Ingrid Halvorsen in Reykjavik.',
    d: 'Talks between Norway and Sweden in Stockholm ended without an agreement.',
    e: 'Norwegian Foreign Minister Ingrid Halvorsen held talks in Reykjavik with fishing groups.',
  });
  const events = nodesOfType(graph, 'Event').map(([key, attr]) => ({
    name: attr.name,
    articles: attr.articles,
    parties: graph
      .inEdges(key)
      .filter((e) => ['PARTICIPATED_IN', 'MEDIATED'].includes(graph.getEdgeAttribute(e, 'type') as string))
      .map((e) => `${graph.getEdgeAttribute(e, 'type')} ${graph.getNodeAttribute(graph.source(e), 'name')}`)
      .sort(),
  }));

  it('merges them when they share two sides (a minister stands for their country, the host is a side)', () => {
    const merged = events.find((e) => e.articles.includes('a'));
    expect(merged?.articles).toEqual(['a', 'b', 'c']);
    expect(merged?.parties).toEqual(
      expect.arrayContaining([
        'PARTICIPATED_IN Ingrid Halvorsen',
        'PARTICIPATED_IN Lars Mikkelsen',
        'PARTICIPATED_IN Norway',
        'PARTICIPATED_IN Denmark',
        'MEDIATED Iceland',
      ]),
    );
    // Named by its people, not a mix of people and countries.
    expect(merged?.name).toBe('talks between Ingrid Halvorsen and Lars Mikkelsen in Reykjavik (2021-06-17)');
  });

  it('keeps apart a meeting elsewhere and one that shares a single side', () => {
    expect(events.map((e) => e.articles).sort()).toEqual([['a', 'b', 'c'], ['d'], ['e']]);
  });
});

describe('event resolution order', () => {
  it('gives the same events whatever the order of the articles', () => {
    const texts: Record<string, string> = {
      a: 'Ingrid Halvorsen and Lars Mikkelsen held talks in Norway on Thursday about fishing quotas.',
      b: 'Ingrid Halvorsen and Lars Mikkelsen met in Bergen on Thursday to discuss quotas.',
      c: 'Ingrid Halvorsen and Lars Mikkelsen met in Oslo on Thursday to discuss quotas.',
    };
    const eventsOf = (order: string[]) => {
      const graph = resolveCorpus(
        order.map((id) => extractDocument({ id, text: texts[id]!, date: '2021-06-17' })),
      );
      return nodesOfType(graph, 'Event')
        .map(([key, attr]) => `${key} ${attr.name} ${JSON.stringify(attr.articles)}`)
        .sort();
    };
    const abc = eventsOf(['a', 'b', 'c']);
    expect(abc).toHaveLength(2);
    for (const order of [
      ['c', 'a', 'b'],
      ['b', 'c', 'a'],
      ['c', 'b', 'a'],
    ])
      expect(eventsOf(order)).toEqual(abc);
  });
});

describe('to whom, where and when across articles', () => {
  const graph = corpus({
    b1: 'Marta Oyelaran met Tobias Wennergren in Bergen. "The port must stay open," Marta Oyelaran told Tobias Wennergren in Bergen on Tuesday.',
    b2: '"The port must stay open," Marta Oyelaran told reporters.',
    b3: 'Tobias Wennergren lives in Lyon.',
  });
  const edgesOf = (type: string) =>
    graph.filterEdges((_e, attr) => attr.type === type).map((e) => ({
      source: graph.source(e),
      target: graph.getNodeAttributes(graph.target(e)),
      articles: graph.getEdgeAttribute(e, 'articles'),
    }));

  it('gives the one merged quote its addressee and place edges, with the article that says so', () => {
    const [quote] = nodesOfType(graph, 'Quote');
    expect(quote).toBeDefined();
    const [key, attr] = quote!;
    expect(attr.articles).toEqual(['b1', 'b2']);
    const addressed = edgesOf('ADDRESSED_TO');
    expect(addressed).toHaveLength(1);
    expect(addressed[0]!.source).toBe(key);
    expect(addressed[0]!.target.name).toBe('Tobias Wennergren');
    expect(addressed[0]!.articles).toEqual(['b1']);
    const saidAt = edgesOf('SAID_AT');
    expect(saidAt.map((e) => [e.target.type, e.target.name, e.articles])).toEqual([['Place', 'Bergen', ['b1']]]);
  });

  it('keeps the non-entity audience and the earliest stated date on the quote', () => {
    const [, attr] = nodesOfType(graph, 'Quote')[0]!;
    expect((attr as { audience: string[] }).audience).toEqual(['reporters']);
    expect((attr as { date?: string }).date).toBe('2021-06-15');
  });
});
