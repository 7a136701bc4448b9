import { describe, expect, it } from 'vitest';
import { quoteWith, runQuotes as run } from './test-support/quote-run.js';

describe('direct quotes and attribution patterns', () => {
  it('handles "...," X said / X said, "..." / said X with straight and curly quotes', () => {
    const text =
      '"The harbour will reopen soon," Liesel Marrow said.\n\n' +
      'Corvin Adebayo said, “We have waited long enough for this.”\n\n' +
      '“Nobody expected the storm to last a week,” said Petra Lindqvist.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      ['direct', 'The harbour will reopen soon', 'Liesel Marrow'],
      ['direct', 'We have waited long enough for this.', 'Corvin Adebayo'],
      ['direct', 'Nobody expected the storm to last a week', 'Petra Lindqvist'],
    ]);
    const first = quotes[0]!;
    expect(text.slice(first.span.start, first.span.end)).toBe(first.text);
    expect(first.cue).toBe('said');
    expect(text.slice(first.sentenceSpan.start, first.sentenceSpan.end)).toBe(
      '"The harbour will reopen soon," Liesel Marrow said.',
    );
  });

  it('keeps a quote running over several sentences as one quote', () => {
    const text = 'Ilse Brandvold said: "We lost the vote. We will try again. Nothing is over."';
    const { quotes, speakerOf } = run(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.text).toBe('We lost the vote. We will try again. Nothing is over.');
    expect(speakerOf(quotes[0]!)).toBe('Ilse Brandvold');
  });

  it('continues a quote into the next paragraph when it re-opens without closing (newspaper convention)', () => {
    const text =
      '"The first winter was hard," said Oren Vasquel, a farmer. "We sold half the herd.\n\n' +
      '"The second winter was worse, and the bank came for the rest."\n\n' +
      'Prices fell again in spring.';
    const { quotes, speakerOf } = run(text);
    const second = quoteWith(quotes, 'second winter');
    const first = quoteWith(quotes, 'sold half');
    expect(first.kind).toBe('direct');
    expect(speakerOf(first)).toBe('Oren Vasquel');
    expect(speakerOf(second)).toBe('Oren Vasquel');
  });

  it('gives a quotation that goes on after its attribution the mention of the part attributed', () => {
    const text =
      '"We open the bridge at dawn," Marit Olsvang said. "Nobody crosses before the inspectors do.\n\n' +
      '"After that, the town can have it back."';
    const { quotes, speakerOf } = run(text);
    const mentionOf = (q: (typeof quotes)[number]): string | undefined =>
      q.speakerMention && text.slice(q.speakerMention.span.start, q.speakerMention.span.end);
    const first = quoteWith(quotes, 'at dawn');
    const second = quoteWith(quotes, 'Nobody crosses');
    const third = quoteWith(quotes, 'town can have');
    for (const q of [first, second, third]) {
      expect(speakerOf(q)).toBe('Marit Olsvang');
      expect(mentionOf(q)).toBe('Marit Olsvang');
    }
    expect(second.speakerMention!.span).toEqual(first.speakerMention!.span);
    expect(second.cue).toBeUndefined();
  });

  it('gives a quote in a later paragraph to the speaker introduced earlier', () => {
    const text =
      'Halvard Strenn has run the ferry for thirty years. He knows every rock in the channel.\n\n' +
      '"You learn the water or the water teaches you."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'learn the water'))).toBe('Halvard Strenn');
  });

  it('does not report a quoted title or scare quote without a speaker as a quotation', () => {
    const text = 'The film "Night Over Harbours" opened on Friday to what critics called "mixed" reviews.';
    expect(run(text).quotes.filter((q) => q.kind === 'direct')).toEqual([]);
  });
});

describe('pronoun and role speakers', () => {
  it('resolves "he said" / "she added" by gender and recency', () => {
    const text =
      'Mirela Dask met Anton Feyer in the capital on Tuesday.\n\n' +
      '"The talks were useful," she said.\n\n' +
      '"We disagree on almost everything," he added.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'talks were useful'))).toBe('Mirela Dask');
    expect(speakerOf(quoteWith(quotes, 'disagree on almost'))).toBe('Anton Feyer');
  });

  it('resolves "the envoy", "the Turkish diplomat" and "the minister" through roles and nationality', () => {
    const text =
      'Turkish Ambassador Selim Okaner met Defence Minister Rhona Callery and envoy Piet Vandermolen on Monday.\n\n' +
      '"We need more time," the Turkish diplomat said.\n\n' +
      '"Time is short," the minister said.\n\n' +
      '"I will report back to the council," the envoy said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'more time'))).toBe('Selim Okaner');
    expect(speakerOf(quoteWith(quotes, 'Time is short'))).toBe('Rhona Callery');
    expect(speakerOf(quoteWith(quotes, 'report back'))).toBe('Piet Vandermolen');
  });

  it('picks the speaker named after another person in the same sentence ("told X, Y said")', () => {
    const text = '"The deal is off," Garrow Tennant told Ilka Moreau, Brisa Calloway said.';
    const { quotes, speakerOf } = run(text);
    // The quote belongs to the one who spoke it: the subject of "told", not the addressee.
    expect(speakerOf(quoteWith(quotes, 'deal is off'))).toBe('Garrow Tennant');
  });

  it('attributes to organisations and groups ("the ministry said", "police said")', () => {
    const text =
      'The Ministry of Harbours issued new rules on Friday. The ministry said the rules would apply from May.\n\n' +
      'Police said three people were hurt in the crash.';
    const { quotes, speakerOf } = run(text, ['Ministry of Harbours']);
    expect(speakerOf(quoteWith(quotes, 'rules would apply'))).toBe('Ministry of Harbours');
    expect(speakerOf(quoteWith(quotes, 'three people'))).toBe('Police');
  });
});

describe('organisations named only in the text', () => {
  it('carries an unlisted organisation to "the company" and "it", and expands an acronym', () => {
    const text =
      'In a statement, Brindlewick said it is "working to restore service for all customers." ' +
      'The company noted that no data was lost.\n\n' +
      'The Northern Ferry Safety Authority (NFSA) inspected the boats. NFSA said the hulls were sound.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'no data was lost'))).toBe('Brindlewick');
    expect(speakerOf(quoteWith(quotes, 'hulls were sound'))).toBe('The Northern Ferry Safety Authority');
  });
});

describe('quotations inside a reported clause', () => {
  it('reports the whole clause when a quotation opens after its first words', () => {
    const text =
      'In her ruling, Judge Tamsin Orr said she saw no "realistic chance of managing the risk" of a relapse.';
    const { quotes, speakerOf } = run(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.kind).toBe('partial');
    expect(quotes[0]!.text).toBe('she saw no "realistic chance of managing the risk" of a relapse');
    expect(speakerOf(quotes[0]!)).toBe('Tamsin Orr');
  });

  it('runs the clause to the closing mark of a quotation that goes on past a sentence end', () => {
    const text =
      'Asked about the fine, Ivo Ramsgate said the club would “appeal next week. We are not done.”';
    const { quotes } = run(text);
    expect(quotes.map((q) => q.text)).toEqual(['the club would “appeal next week. We are not done.']);
  });

  it('reads a participle cue and a leading subordinate clause the same way', () => {
    const text =
      '"I run a bakery myself," Ivo Ramsgate said, adding the new rules "hurt every small shop on this street."\n\n' +
      'Lena Ostrow said even though the fine is legal, "nobody here thinks it is fair to the families."';
    const { quotes, speakerOf } = run(text);
    const adding = quoteWith(quotes, 'hurt every small shop');
    expect(adding.text.startsWith('the new rules "hurt')).toBe(true);
    expect(speakerOf(adding)).toBe('Ivo Ramsgate');
    const leading = quoteWith(quotes, 'nobody here thinks');
    expect(leading.text.startsWith('even though the fine is legal, "nobody')).toBe(true);
    expect(speakerOf(leading)).toBe('Lena Ostrow');
  });

  it('keeps a quotation right after the cue (or after an addressee) a direct quote', () => {
    const text = 'Ivo Ramsgate told reporters "we will appeal the fine next week and we expect to win."';
    const { quotes } = run(text);
    expect(quotes.map((q) => [q.kind, q.text])).toEqual([
      ['direct', 'we will appeal the fine next week and we expect to win.'],
    ]);
  });
});

describe('cue words used as nouns', () => {
  it('does not read a plural noun after a preposition ("in states that ...") as a cue', () => {
    const text = 'The plan works best in states that vote early and have large cities.';
    expect(run(text).quotes).toEqual([]);
  });
});

describe('participle cues after an attributed quote', () => {
  it('gives the quote after "X confirmed, adding that" to X', () => {
    const text =
      '"The letter says so," Mara Quell confirmed, adding that "nobody told us about it before the hearing."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'nobody told us'))).toBe('Mara Quell');
  });
});

describe('indirect and partial quotes', () => {
  it('skips a setting adjunct with a possessive noun inside before the content', () => {
    const text = "Dara Venn said in her New Year's speech she was ready to meet anyone.";
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => q.text)).toEqual(['she was ready to meet anyone']);
    expect(speakerOf(quotes[0]!)).toBe('Dara Venn');
  });

  it('finds "X said that ...", "X said ..." without that, and "according to X"', () => {
    const text =
      'Lorna Beckett said that the museum would close for repairs. ' +
      'Teodor Niskanen said the repairs would take a year. ' +
      'According to Beckett, the roof is the main problem.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      ['indirect', 'the museum would close for repairs', 'Lorna Beckett'],
      ['indirect', 'the repairs would take a year', 'Teodor Niskanen'],
      ['indirect', 'the roof is the main problem', 'Lorna Beckett'],
    ]);
  });

  it('reports an inverted statement ("..., X said.") and one with "adding that"', () => {
    const text = 'The bridge will stay shut until June, Esko Varga said, adding that detours are signposted.';
    const { quotes, speakerOf } = run(text);
    expect(quoteWith(quotes, 'bridge will stay shut').kind).toBe('indirect');
    expect(speakerOf(quoteWith(quotes, 'bridge will stay shut'))).toBe('Esko Varga');
    expect(speakerOf(quoteWith(quotes, 'detours are signposted'))).toBe('Esko Varga');
  });

  it('marks a quoted fragment inside a reported clause as partial', () => {
    const text = 'Nadia Orloff said the ruling was "a disgrace to the court" and would be appealed.';
    const { quotes, speakerOf } = run(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.kind).toBe('partial');
    expect(quotes[0]!.text).toContain('"a disgrace to the court"');
    expect(speakerOf(quotes[0]!)).toBe('Nadia Orloff');
  });

  it('does not take non-speech uses of cue verbs for statements', () => {
    const text =
      'The index added 0.4 per cent to 2,106. Dorsey added a goal in the third period. He is said to be rich.';
    expect(run(text).quotes).toEqual([]);
  });
});

describe('attribution that generalises', () => {
  it('prefers the clause subject over a person in an "as well as" object list for "she"', () => {
    const text =
      'Nadia Fellner has worked with chefs such as Orla Brin as well as the famous Greta Moll. ' +
      'Even though Fellner has cooked with Moll, she maintains that she is a home cook.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'she is a home cook'))).toBe('Nadia Fellner');
  });

  it('reads "CONTENT, says X." as inverted and does not give "a spokeswoman for X" to X', () => {
    const text =
      'Tomas Reyes runs the clinic. Most of the support comes through an app with coaching and goal setting, says Reyes. ' +
      'A spokeswoman for Reyes said the clinic would reopen soon.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'Most of the support'))).toBe('Tomas Reyes');
    expect(speakerOf(quoteWith(quotes, 'clinic would reopen'))).not.toBe('Tomas Reyes');
  });
});

describe('typewriter quotation marks and plural nouns that look like cues', () => {
  it("reads doubled apostrophes (''...'') as quotation marks", () => {
    const { quotes, speakerOf } = run(
      "''The harbour will reopen soon,'' said Liesel Marrow. ''Nobody expected the storm to last a week.''",
    );
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      ['direct', 'The harbour will reopen soon', 'Liesel Marrow'],
      ['direct', 'Nobody expected the storm to last a week.', 'Liesel Marrow'],
    ]);
  });

  it('takes "comments" after a preposition for a noun, not a reporting verb', () => {
    const { quotes } = run(
      'After a local host was fired over comments that compared the mayor to a cartoon villain, the station apologised.',
    );
    expect(quotes.filter((q) => q.cue === 'comments')).toEqual([]);
  });
});

describe('attributions after a dash and participles after a closed quotation', () => {
  it('gives a quote followed by "― Name" to that name (quote round-ups)', () => {
    const { quotes, speakerOf } = run(
      'Readers wrote in.\n\n“We were never asked about the plan.” ― Ana Ruiz\n\n' +
        '“Nobody listens to the people who live here.”― Tomas Vellinga\n\nThe council met on Monday.',
    );
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['We were never asked about the plan.', 'Ana Ruiz'],
      ['Nobody listens to the people who live here.', 'Tomas Vellinga'],
    ]);
  });

  it('gives ", adding" after a quotation that began in an earlier sentence to the finite cue\'s subject', () => {
    const { quotes, speakerOf } = run(
      'Ilse Brandvold spoke after the vote. Her rival, Petra Lindqvist, left early.\n\n' +
        '“Petra does not believe I am wrong. She said that because she has failed. It has been a total disaster,” ' +
        'Brandvold said, adding, “Nobody cares about the harbour any more.”',
    );
    expect(speakerOf(quoteWith(quotes, 'Nobody cares'))).toBe('Ilse Brandvold');
  });
});

describe('verbs of manner right after a quotation', () => {
  it('takes "fumed", "shot back" and the like as the cue of the quotation before them', () => {
    const { quotes, speakerOf } = run(
      'Hanna Lund met Ivo Petrak at the harbour.\n\n' +
        '“We are still talking about that ferry?” Ivo Petrak fumed. “You know, it happens,” Hanna Lund shot back.',
    );
    expect(quotes.map((q) => [q.cue, speakerOf(q)])).toEqual([
      ['fumed', 'Ivo Petrak'],
      ['shot back', 'Hanna Lund'],
    ]);
  });

  it('does not read them as reporting verbs anywhere else', () => {
    const { quotes } = run(
      'Ivo Petrak was charged with fraud last year. The court went on to hear the case.',
    );
    expect(quotes).toEqual([]);
  });
});

describe('a speaker named in the sentence after the quotation', () => {
  it('reads "That was the view of X" and "That was how X described it"', () => {
    const view = run(
      'The council met on Monday.\n\n"We will not close the harbour while I am in office."\n\n' +
        'That was the view of Ana Ruiz, the mayor of Tarnby, on Monday.',
    );
    expect(view.speakerOf(quoteWith(view.quotes, 'close the harbour'))).toBe('Ana Ruiz');
    const how = run(
      'The board met on Monday.\n\n"You should have combined a donkey with a rabbit and gotten a flying unicorn."\n\n' +
        'That was how Jeffrey Bewkes, the chief executive of Velmont, once described the failed merger.',
    );
    expect(how.speakerOf(quoteWith(how.quotes, 'flying unicorn'))).toBe('Jeffrey Bewkes');
    const what = run(
      'The port reopened.\n\n"We will not close the harbour." That is what the ministry has been saying for years.',
    );
    expect(quoteWith(what.quotes, 'close the harbour').speakerMention?.text).toBe('the ministry');
  });
});

describe('a dash attribution opening the next paragraph', () => {
  it('gives the quotation to "-Name, Place." on the line after it', () => {
    const { quotes, speakerOf } = run(
      'Voices from the convention.\n\n"The whole idea of a tax on boats needs to stop."\n\n-Michelle Marvik, Tarnby.\n\nThe hall emptied.',
    );
    expect(speakerOf(quoteWith(quotes, 'tax on boats'))).toBe('Michelle Marvik');
  });
});

describe('plural nouns after numbers', () => {
  it('reads "states" after a number or quantifier as a noun, not a cue', () => {
    const { quotes, speakerOf } = run(
      'Senator Lena Graham spoke on Tuesday. “Cruz is not my favourite by any means,” Graham told the Herald on ' +
        'Tuesday, when a dozen states held contests. “But we may have to rally around him.”',
    );
    expect(quotes.filter((q) => q.cue === 'states')).toEqual([]);
    expect(speakerOf(quoteWith(quotes, 'rally around him'))).toBe('Lena Graham');
  });
});

describe('paragraphs signed by their author', () => {
  it('reads an embedded post as a quote of its author ("... pic.link — Name (@handle) Date")', () => {
    const text =
      'Crews worked through the night in Velby.\n\n' +
      'Power is back for most homes on the east side. Thanks to everyone for their patience. #storm pic.twitter.com/AbC123xyz — Tamsin Orlov (@tamsin_orlov) March 3, 2021\n\n' +
      'The rest of the town waits for repairs.';
    const { quotes, speakerOf } = run(text);
    const post = quoteWith(quotes, 'Power is back');
    expect(post.kind).toBe('direct');
    expect(post.text).toBe(
      'Power is back for most homes on the east side. Thanks to everyone for their patience.',
    );
    expect(speakerOf(post)).toBe('Tamsin Orlov');
  });

  it('reads a pull quote signed with a name at the end of its paragraph', () => {
    const text =
      'Marta Kovell opened the bakery in 2009 after losing her job at the mill.\n\n' +
      'I never thought I would work with my hands, but now I cannot imagine anything else. Marta Kovell\n\n' +
      'Kovell now employs six people.';
    const { quotes, speakerOf } = run(text);
    const pull = quoteWith(quotes, 'never thought');
    expect(pull.text).toBe(
      'I never thought I would work with my hands, but now I cannot imagine anything else.',
    );
    expect(speakerOf(pull)).toBe('Marta Kovell');
  });

  it('takes no sentence that merely ends in a title or an unknown capitalised phrase for a pull quote', () => {
    const text =
      'The studio released its new film on Friday, and critics were kind to it. The Long Way Home\n\n' +
      'Tickets sold out within hours.';
    const { quotes } = run(text);
    expect(quotes.filter((q) => q.text.includes('critics were kind'))).toHaveLength(0);
  });
});

describe('relative clauses and addressees', () => {
  it('gives "X, which said ..." to the noun phrase before the relative pronoun', () => {
    const rail = run('Commuters blamed Velmont Rail, which said the delays were caused by the weather.');
    expect(rail.speakerOf(quoteWith(rail.quotes, 'delays were caused'))).toBe('Velmont Rail');
    const { quotes, speakerOf } = run('He called the utility, which told him the meter had been misread.');
    const meter = quoteWith(quotes, 'meter had been misread');
    expect(meter.text).toBe('the meter had been misread');
    expect(speakerOf(meter)).toBe('the utility');
  });

  it('never takes the object pronoun after a cue for the speaker ("..., told him ...")', () => {
    const { quotes } = run('The bill was wrong, which told him the meter had been misread.');
    expect(quotes.map((q) => q.speakerMention?.text)).not.toContain('him the meter had been misread');
  });
});

describe('base forms of reporting verbs', () => {
  it('reports after a plural subject ("critics argue", "they also insist"), not after a determiner', () => {
    const text =
      'Critics argue the plan will raise rents across Elmford. They also insist the council ignored tenants.\n\n' +
      'The claim that rents will fall was never tested. Officials hope to note the results soon.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'raise rents'))).toBe('Critics');
    expect(quoteWith(quotes, 'council ignored').text).toBe('the council ignored tenants');
    expect(quotes.filter((q) => /rents will fall|results soon/.test(q.text))).toHaveLength(0);
  });

  it('takes the weak base forms only with "that" ("officials confirm that ...")', () => {
    const { quotes, speakerOf } = run(
      'Officials confirm that the bridge will close in May. Residents confirm the date on their calendars.',
    );
    expect(speakerOf(quoteWith(quotes, 'bridge will close'))).toBe('Officials');
    expect(quotes.filter((q) => q.text.includes('calendars'))).toHaveLength(0);
  });
});

describe('parenthetical attributions after an opening adverb', () => {
  it('reports what follows "Instead, he said," and not a passive "we\'re told"', () => {
    const text =
      'Tomas Brandt spoke to investors. Instead, he said, the merger will pay off through the new data.\n\n' +
      'Morgana, we’re told, is the king’s half-sister who has waited for centuries.';
    const { quotes, speakerOf } = run(text);
    const after = quoteWith(quotes, 'merger will pay off');
    expect(after.text).toBe('the merger will pay off through the new data');
    expect(speakerOf(after)).toBe('Tomas Brandt');
    expect(quotes.filter((q) => q.text.includes('half-sister'))).toHaveLength(0);
  });
});

describe('"according to" inside the sentence', () => {
  it('reports the predicate after a short topic ("Fundraising, according to the campaign, has surged")', () => {
    const { quotes, speakerOf } = run(
      'Fundraising, according to the campaign, has surged in the past month.',
    );
    const q = quoteWith(quotes, 'has surged');
    expect(q.text).toBe('has surged in the past month');
    expect(speakerOf(q)).toBe('the campaign');
  });
});

describe('"CONTENT, X told Y."', () => {
  it('reports the clause before an inverted "told" whose addressee ends the sentence', () => {
    const text =
      'The plan is dead, she told the Tarn Herald.\n\n' +
      'The vote will be close, Ana Ruiz told reporters on Monday.\n\n' +
      'Ana Ruiz told the Tarn Herald that the ferry will run again.';
    const { quotes, speakerOf } = run(text);
    expect(quoteWith(quotes, 'plan is dead').text).toBe('The plan is dead');
    expect(quotes.map((q) => q.text)).not.toContain('the Tarn Herald');
    expect(speakerOf(quoteWith(quotes, 'vote will be close'))).toBe('Ana Ruiz');
    expect(quoteWith(quotes, 'ferry will run').text).toBe('the ferry will run again');
  });
});

describe('a comma after the cue of a sentence-opening subject', () => {
  it('reports the clause after "X said," and nothing from a passive with an adverb', () => {
    const text =
      'Ana Ruiz said, if elected, she would reopen the ferry.\n\n' +
      '"We are done," Tomas Brandt said, adding that the talks had failed.\n\n' +
      'Although the ferry isn’t explicitly mentioned, it is the real subject of the campaign.';
    const { quotes, speakerOf } = run(text);
    const ferry = quoteWith(quotes, 'reopen the ferry');
    expect(ferry.text).toBe('if elected, she would reopen the ferry');
    expect(speakerOf(ferry)).toBe('Ana Ruiz');
    expect(quoteWith(quotes, 'talks had failed').text).toBe('the talks had failed');
    expect(quotes.filter((q) => q.text.includes('real subject'))).toHaveLength(0);
  });
});

describe('checks found on a news corpus', () => {
  it('takes no object of a non-speech verb after ", which" and no leftover after a dash', () => {
    const text =
      'Velmont already holds a stake in Tarn Lines, which maintains the Elm and Oak lines.\n\n' +
      'He put a lot of effort - too much, critics argue - into enforcement.\n\n' +
      'In the aftermath of the crisis, the government encouraged the growth of credit.';
    const { quotes } = run(text);
    expect(quotes.map((q) => q.text)).not.toContain('the Elm and Oak lines');
    expect(quotes.filter((q) => q.text.startsWith('-'))).toHaveLength(0);
    expect(quotes.map((q) => q.text)).not.toContain('In the aftermath of the crisis');
  });
});

describe('more inflections of reporting verbs', () => {
  it('takes "answered", "asserts" and participles such as "claiming" and "declaring" as cues', () => {
    const text =
      '"We will not sell the mill," Dagny Ferrow answered.\n\n' +
      'Tomas Vilkberg rejected the plan, claiming that it would cost the town its harbour.\n\n' +
      'The guild asserts that the new tolls break the old charter.';
    const { quotes, speakerOf } = run(text, ['The guild']);
    const mill = quoteWith(quotes, 'not sell the mill');
    expect([mill.kind, mill.cue, speakerOf(mill)]).toEqual(['direct', 'answered', 'Dagny Ferrow']);
    const harbour = quoteWith(quotes, 'cost the town its harbour');
    expect([harbour.kind, harbour.cue, speakerOf(harbour)]).toEqual([
      'indirect',
      'claiming',
      'Tomas Vilkberg',
    ]);
    expect(harbour.text).toBe('it would cost the town its harbour');
    expect(quoteWith(quotes, 'tolls break').cue).toBe('asserts');
  });

  it('needs "that" after verbs with other senses ("answered questions", "declaring a holiday")', () => {
    const text =
      'Mayor Oda Lindqvaren answered questions from residents for an hour. ' +
      'The council closed the square, declaring a holiday for the whole district.';
    expect(run(text).quotes).toEqual([]);
  });
});

describe('a reporting verb used as a noun after a determiner', () => {
  it('does not read "had her say" as a report, and gives the quotation to the participle after it', () => {
    const text = 'Brisa Talmaren had her say at the meeting, complaining: "Nobody asked the farmers."';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.cue, q.text, speakerOf(q)])).toEqual([
      ['direct', 'complaining', 'Nobody asked the farmers.', 'Brisa Talmaren'],
    ]);
  });
});

describe('a participle that attributes a quotation ends the clause of the cue before it', () => {
  it('cuts "urged X to Y, declaring: "..."" before the participle', () => {
    const text =
      'Ilko Varganen urged the two councils to stop quarrelling, declaring: "The river belongs to both towns."';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.cue, q.text, speakerOf(q)])).toEqual([
      ['indirect', 'urged', 'the two councils to stop quarrelling', 'Ilko Varganen'],
      ['direct', 'declaring', 'The river belongs to both towns.', 'Ilko Varganen'],
    ]);
  });
});

describe('subjects and clauses that the indirect rules used to miss', () => {
  it('reads "went on to say" as a report of the subject before "went"', () => {
    const text = 'Vera Lindholt spoke first. She went on to say that the bridge needs repairs before winter.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q), q.speakerMention?.text])).toEqual([
      ['indirect', 'the bridge needs repairs before winter', 'Vera Lindholt', 'She'],
    ]);
  });

  it('shares the subject with a verb coordinated after an auxiliary ("and has said that")', () => {
    const text = 'Vera Lindholt has called for higher tolls and has said that the bridge needs repairs.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['the bridge needs repairs', 'Vera Lindholt'],
    ]);
  });

  it('takes a plural noun with its complement as a speaker ("lawyers for the ministry")', () => {
    const text =
      'The files were due in May, but lawyers for the ministry said this week that they would be late.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['they would be late', 'lawyers for the ministry'],
    ]);
  });

  it('does not take "this" opening the reported clause after "told reporters" for a time adjunct', () => {
    const text =
      'While the opposition has pushed for new talks, Arno Veldkampf told reporters this was the only chance to pass the bill.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['this was the only chance to pass the bill', 'Arno Veldkampf'],
    ]);
  });

  it('reads a cue word after "have" as a noun ("have notes attached")', () => {
    const text = 'Saved pages can be sorted into folders and have notes attached to them by their owners.';
    expect(run(text).quotes).toEqual([]);
  });
});

describe('the clause around a quoted fragment', () => {
  it('reports the complement of the verb with the fragment ("called the plan "a disgrace"")', () => {
    const text =
      'The council met on Monday. Mayor Oskar Tvedt called the bypass plan "a costly mistake" and left early. ' +
      'Later, Runa Aaberg promised to publish the figures "as soon as possible" after the vote.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      ['partial', 'the bypass plan "a costly mistake"', 'Oskar Tvedt'],
      ['partial', 'to publish the figures "as soon as possible"', 'Runa Aaberg'],
    ]);
    const first = quotes[0]!;
    expect(text.slice(first.span.start, first.span.end)).toBe(first.text);
  });

  it('keeps the fragment alone when no complement of the verb stands before it', () => {
    const text = 'Runa Aaberg said the vote was close but added that it was "a fair result for everyone".';
    const { quotes } = run(text);
    expect(quotes.some((q) => q.text.startsWith('but'))).toBe(false);
  });
});

describe('a reported clause ends where the attribution of a quotation begins', () => {
  it('cuts "When X said ..., Y responded, "..."" before the second speaker', () => {
    const text =
      'When Speaker Ola Brennvik said he would no longer defend the plan, Mayor Tove Askeland responded, "Then he will not be there."';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      ['indirect', 'he would no longer defend the plan', 'Ola Brennvik'],
      ['direct', 'Then he will not be there.', 'Tove Askeland'],
    ]);
  });
});

describe('quoted fragments after verbs of praise and blame', () => {
  it('gives the fragment to the subject of "accused", "praised", "pledged" and the like', () => {
    const text =
      'Councillor Maja Rundqvist accused the harbour board of "wasting every penny" on consultants. ' +
      'Per Ostling praised the volunteers for their "tireless work" during the flood.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.cue, q.text, speakerOf(q)])).toEqual([
      ['partial', 'accused', 'the harbour board of "wasting every penny"', 'Maja Rundqvist'],
      ['partial', 'praised', 'the volunteers for their "tireless work"', 'Per Ostling'],
    ]);
  });

  it('does not take the passive ("was accused of "...") as the subject speaking', () => {
    const text = 'Per Ostling was accused of "wasting every penny" on consultants.';
    expect(run(text).quotes).toEqual([]);
  });
});

describe('a participle after a comma reports a statement of its own', () => {
  it('ends the content of "said" before ", saying ..." and gives the participle its own quote', () => {
    const text =
      'Kjell Varnes also said he sees a lot of misinformation about the economy, saying Nordmark holds a lower debt than its neighbours.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.cue, q.text, speakerOf(q)])).toEqual([
      ['said', 'he sees a lot of misinformation about the economy', 'Kjell Varnes'],
      ['saying', 'Nordmark holds a lower debt than its neighbours', 'Kjell Varnes'],
    ]);
  });
});

describe('"X described Y as Z"', () => {
  it('reports what the subject called it, up to a second verb of the subject', () => {
    const text =
      'Officers did not name the driver but described her as the owner of the second car. ' +
      'Police described the attempt to take another vehicle as a carjacking and said she fled.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.filter((q) => q.cue === 'described').map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      ['indirect', 'the owner of the second car', 'Officers'],
      ['indirect', 'a carjacking', 'Police'],
    ]);
  });

  it('does not read the passive ("was described as") as a statement of the subject', () => {
    const text = 'The old mill was described as the oldest building in the valley.';
    expect(run(text).quotes).toEqual([]);
  });
});

describe('writing that reports nothing', () => {
  it('does not read "wrote off" or "writes about/for" as a report', () => {
    const text =
      'The insurer, which wrote off assets worth millions in the region, said its cover held. ' +
      'Lina Sorvik, an analyst who writes extensively about shipping, expects more losses.';
    const { quotes } = run(text);
    expect(quotes.map((q) => q.cue)).not.toContain('wrote');
    expect(quotes.map((q) => q.cue)).not.toContain('writes');
  });
});

describe('"what X calls Y" and "what they said was Y"', () => {
  it('reports the words after the verb as the statement of the subject of the free relative', () => {
    const text =
      'Organizer Bram Lutzen said the pact goes too far. His concern lies in what he calls the erosion of free speech, not trade. ' +
      'As news of the audit spread, members complained about what they said was a lack of transparency.';
    const { quotes, speakerOf } = run(text);
    const calls = quoteWith(quotes, 'erosion');
    expect([calls.kind, calls.cue, calls.text, speakerOf(calls)]).toEqual([
      'indirect',
      'calls',
      'the erosion of free speech',
      'Bram Lutzen',
    ]);
    const was = quoteWith(quotes, 'transparency');
    expect([was.text, speakerOf(was)]).toEqual(['a lack of transparency', 'members']);
  });
});

describe('more speakers without a name', () => {
  it('takes "those surveyed" and "protest organizers in X" as speakers', () => {
    const text =
      'By a wide margin, those surveyed say the town should build the new school first. ' +
      'But protest organizers in Vellholm say that the new rules will only anger the marchers.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['the town should build the new school first', 'those surveyed'],
      ['the new rules will only anger the marchers', 'protest organizers in Vellholm'],
    ]);
  });
});

describe('a nominative pronoun opens a reported clause after a cue with other senses', () => {
  it('reads "announced he would ..." as a statement and "announced his candidacy" as none', () => {
    const text =
      'Late on Saturday, Sander Kvale announced he would back the new bridge. ' +
      'A week earlier, Mette Rosvik announced her candidacy for mayor.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.cue, q.text, speakerOf(q)])).toEqual([
      ['announced', 'he would back the new bridge', 'Sander Kvale'],
    ]);
  });
});

describe('a quotation inside a clause that goes on before the attribution', () => {
  it('reports the whole clause as a partial quote', () => {
    const text =
      'Sales were "flat for about a month or six weeks" as buyers waited to see how the season played out, Ilse Marrow said.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      [
        'partial',
        'Sales were "flat for about a month or six weeks" as buyers waited to see how the season played out',
        'Ilse Marrow',
      ],
    ]);
  });

  it('keeps a quotation that ends the clause a direct quote', () => {
    const text = '"We waited a month for the buyers to come back," Ilse Marrow said.';
    expect(run(text).quotes.map((q) => q.kind)).toEqual(['direct']);
  });
});

describe('an opening phrase before a parenthetical attribution', () => {
  it('reports what follows "For example, X said," and not the opener', () => {
    const text = 'For example, Vera Lindqvist said, the town could close the bridge at night.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['the town could close the bridge at night', 'Vera Lindqvist'],
    ]);
  });
});

describe('a short prepositional phrase between the cue and the reported clause', () => {
  it('skips "in this instance," after the cue', () => {
    const text = 'Union official Terje Holmvik admits in this instance, there were fatalities.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([['there were fatalities', 'Terje Holmvik']]);
  });
});

describe('prepositional phrases after an inverted attribution', () => {
  it('reports the clause before ", X said during a briefing after the talks", not the phrases after it', () => {
    const text =
      'Brunel Okafor met Aldric Vennholt on Monday. ' +
      'The two sides agreed to form a joint commission on water rights, Okafor said during a news briefing after the talks.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['The two sides agreed to form a joint commission on water rights', 'Brunel Okafor'],
    ]);
  });

  it('takes no report from a verb with other senses before such phrases ("part of an alliance agreed in 2000")', () => {
    const text =
      'The deadline marks the day Tarnco may sell its rail division, part of an alliance agreed in 2000.';
    expect(run(text).quotes).toEqual([]);
  });

  it('takes no report from a plural noun after a comma ("reasonable, intelligent comments on any topic")', () => {
    const text = 'Good to see people making reasonable, intelligent comments on any topic these days.';
    expect(run(text).quotes).toEqual([]);
  });

  it('still reports the clause after such phrases when nothing stands before the subject', () => {
    const text = 'Brunel Okafor said during a news briefing the commission would meet in May.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['the commission would meet in May', 'Brunel Okafor'],
    ]);
  });
});

describe('a described subject with its name in apposition, then a weekday', () => {
  it('reports the that-clause of "The X, Name, said Wednesday that ...", not the description', () => {
    const text =
      "The country's top diplomat, Marisol Quentaro, said Wednesday that the embassy would reopen next month.";
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['the embassy would reopen next month', 'Marisol Quentaro'],
    ]);
  });
});

describe('an appositive subject before "told" and an outlet after it', () => {
  it('gives a partial quote to the subject before "told", not to the outlet it was told to', () => {
    const text =
      'Brunel Okafor met the Veldish delegation on Monday. ' +
      'Okafor "came to listen, not to sign," his counterpart, Foreign Minister Aldric Vennholt, told Veldish radio.';
    const { quotes, speakerOf } = run(text);
    const q = quoteWith(quotes, 'came to listen');
    expect(speakerOf(q)).toBe('Aldric Vennholt');
    expect(q.text).toMatch(/^Okafor "came to listen, not to sign,?"$/);
  });

  it('skips "news agency" after the name of the agency told', () => {
    const text = 'Marisol Quentaro told TNA news agency that the port would reopen.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['the port would reopen', 'Marisol Quentaro'],
    ]);
  });

  it('reports the clause after "The X, Name, told Outlet that ...", not the description', () => {
    const text =
      "The paper's correspondent in Tarnby, Marisol Quentaro, told Veldish Radio that the strike would end soon.";
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['the strike would end soon', 'Marisol Quentaro'],
    ]);
  });
});

describe('a participle cue with an addressee and a time before a quotation', () => {
  it('reports the quotation itself as direct, given to the subject of the main clause', () => {
    const text =
      'Mayor Orsolya Fenwright also lowered expectations, telling a regional radio station Monday “nothing will change before the thaw.”\n\n' +
      'Councillor Brin Haldane kept quiet, telling the weekly paper on Friday “There is more to come from the harbour board.”';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      ['direct', 'nothing will change before the thaw.', 'Orsolya Fenwright'],
      ['direct', 'There is more to come from the harbour board.', 'Brin Haldane'],
    ]);
  });

  it('does the same with an addressee alone before the quotation ("told a radio station “...”")', () => {
    const { quotes, speakerOf } = run(
      'Mayor Orsolya Fenwright told a regional radio station “nothing will change before the thaw.”',
    );
    expect(quotes.map((q) => [q.kind, q.text, speakerOf(q)])).toEqual([
      ['direct', 'nothing will change before the thaw.', 'Orsolya Fenwright'],
    ]);
  });
});

describe('a reporting clause set off in the middle of an indirect statement', () => {
  it("reports the words on both sides of the cue as the speaker's, as two quotes", () => {
    const text =
      'Selma Hartigan addressed the assembly. It was the northern province, she insisted, that had broken the agreement first.\n\n' +
      'Finance Minister Aldo Brenner presented the plan. The budget, he said, would be balanced by 2030.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['It was the northern province', 'Selma Hartigan'],
      ['had broken the agreement first', 'Selma Hartigan'],
      ['The budget', 'Aldo Brenner'],
      ['would be balanced by 2030', 'Aldo Brenner'],
    ]);
  });

  it('reports the words after the cue also after its adjuncts or an inverted speaker', () => {
    const text =
      'Aldo Brenner spoke in the chamber. The new budget, he said on Friday, would be balanced by 2030.\n\n' +
      'The harbour tax, said Selma Hartigan, would be scrapped next year.\n\n' +
      'The budget was a mess, said Tibor Quell, a lawyer.\n\n' +
      'The old levy was unfair, Tibor Quell said on Monday, adding that the ministry was to blame.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'would be balanced by 2030'))).toBe('Aldo Brenner');
    expect(speakerOf(quoteWith(quotes, 'would be scrapped next year'))).toBe('Selma Hartigan');
    expect(quotes.map((q) => q.text)).not.toContain('a lawyer');
    expect(quotes.filter((q) => q.text.includes('ministry was to blame')).map((q) => q.text)).toEqual([
      'the ministry was to blame',
    ]);
  });

  it('reports the words before a "told" set off by commas with its addressee', () => {
    const text =
      'Aldo Brenner spoke in the chamber. The new budget, he told reporters on Friday, would be balanced by 2030.\n\n' +
      'On Monday, he told reporters, the levy would go.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => [q.text, speakerOf(q)])).toEqual([
      ['The new budget', 'Aldo Brenner'],
      ['would be balanced by 2030', 'Aldo Brenner'],
      ['the levy would go', 'Aldo Brenner'],
    ]);
  });

  it('gives a participle after "CONTENT, X said," to X, not to the subject of the content', () => {
    const text =
      'Each of the fines carries a penalty of ten years, Tibor Quell said on Monday, adding that more fines are possible.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'more fines are possible'))).toBe('Tibor Quell');
  });

  it('reports no title, relative clause or adjunct after the comma that ends the attribution', () => {
    const text =
      'Half the wells will run dry by 2040, the Tarnvale Trust says in a report, Drying Out.\n\n' +
      'The levy was a mistake, Tibor Quell said in his radio interview, which was recorded in May.\n\n' +
      'Far better, he said, to hand the keys back to an owner who can use the house.';
    const texts = run(text).quotes.map((q) => q.text);
    expect(texts).not.toContain('Drying Out');
    expect(texts.some((t) => t.startsWith('which was recorded'))).toBe(false);
    expect(texts).toContain('to hand the keys back to an owner who can use the house');
  });
});

describe('a quotation opening a paragraph with no attribution of its own', () => {
  it('goes on from the last speaker when narration separates it from the next cue in the paragraph', () => {
    const text =
      'Coach Ilsa Brandvold praised the defence. "It was a fine effort," said the coach.\n\n' +
      '"We kept our shape for ninety minutes. Nobody gave up." Striker Tomas Eberle, who scored twice, ' +
      'explained how the second goal came about after a long run down the wing. ' +
      '"I just hit it and hoped," said Eberle.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'kept our shape'))).toBe('Ilsa Brandvold');
    expect(speakerOf(quoteWith(quotes, 'hit it and hoped'))).toBe('Tomas Eberle');
  });

  it('takes the later cue of the paragraph when only quotations come between', () => {
    const text =
      'Coach Ilsa Brandvold praised the defence. "It was a fine effort," said the coach.\n\n' +
      '“We kept our shape for ninety minutes. “Nobody gave up and I am proud of that,” said striker Tomas Eberle.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'kept our shape'))).toBe('Tomas Eberle');
  });
});

describe('"told" with an addressee and adjuncts before "that"', () => {
  it('reads the clause after "that" as the statement, not the adjuncts before it', () => {
    const cases: [string, string, string][] = [
      ['Maren Holt told reporters on Friday that the pipes are safe.', 'the pipes are safe', 'Maren Holt'],
      [
        'Last week Treasury Secretary Aldo Brenner told an audience in Leeds that the policy had not changed.',
        'the policy had not changed',
        'Aldo Brenner',
      ],
    ];
    for (const [text, statement, speaker] of cases) {
      const { quotes, speakerOf } = run(text);
      const quote = quoteWith(quotes, statement);
      expect(quote.text).toBe(statement);
      expect(speakerOf(quote)).toBe(speaker);
    }
  });

  it('does not jump over an infinitive to a later "that"', () => {
    const { quotes } = run('Senator Ilse Marrow urged Congress to restore the rules that limit spending.');
    expect(quotes.some((q) => q.text.startsWith('limit spending'))).toBe(false);
  });
});

describe('a reported clause after "that" that opens with a preposition', () => {
  it('keeps "noted that as a businessman, ..." as a statement', () => {
    const { quotes, speakerOf } = run(
      'Maren Holt was unimpressed. She noted that as a businessman, there was no reason Aldo Brenner would know “the difference between the two.”',
    );
    const quote = quoteWith(quotes, 'as a businessman');
    expect(quote.kind).toBe('partial');
    expect(speakerOf(quote)).toBe('Maren Holt');
  });
});

describe('claims that report nothing and names that look like participles', () => {
  it('reads "claims" with a noun phrase as winning something, and with a clause as a statement', () => {
    const { quotes } = run('Nadal wins the first set. Roddick claims the vital first break in the second.');
    expect(quotes).toHaveLength(0);
    const { quotes: withClause, speakerOf } = run(
      'Coach Ilsa Brandvold claimed the referee ignored three fouls.',
    );
    expect(speakerOf(quoteWith(withClause, 'the referee ignored three fouls'))).toBe('Ilsa Brandvold');
  });

  it('skips an aside set off by commas before "that"', () => {
    const { quotes } = run(
      'Aldo Brenner told reporters, without providing evidence, that the building had housed fighters.',
    );
    expect(quoteWith(quotes, 'housed fighters').text).toBe('the building had housed fighters');
  });

  it('skips a prepositional phrase between any cue and "that"', () => {
    const { quotes } = run('Aldo Brenner claimed in his memoir that the club had ignored his advice.');
    expect(quoteWith(quotes, 'club had ignored').text).toBe('the club had ignored his advice');
  });

  it('takes an "-ing" word that opens a name with a verb after it as the subject, not a participle', () => {
    const { quotes, speakerOf } = run(
      'Ada Lind said the vote could come in May. Reading Council would not be drawn on the claim, saying the timing was a matter for the mayor.',
    );
    expect(speakerOf(quoteWith(quotes, 'timing was a matter'))).toBe('Reading Council');
  });
});

describe('participles that name an object and passives of naming verbs', () => {
  it('reads "a broadcast announcing the measure," as no statement of its own', () => {
    const { quotes, speakerOf } = run(
      "In a live television broadcast announcing the measure, the minister's chief aide said it was necessary.",
    );
    expect(quotes).toHaveLength(1);
    expect(speakerOf(quoteWith(quotes, 'it was necessary'))).toBe("the minister's chief aide");
  });

  it('gives a passive naming verb to its agent, never to its subject', () => {
    const { quotes, speakerOf } = run(
      'The new laptop was described by Tomas Eberle as the "most important machine" the firm has made.',
    );
    expect(speakerOf(quoteWith(quotes, 'most important machine'))).toBe('Tomas Eberle');
    const { quotes: agentless, speakerOf: speakerOfAgentless } = run(
      'Ada Lind has four grandchildren. She is described as "a proud grandmother" in the parish newsletter.',
    );
    expect(speakerOfAgentless(quoteWith(agentless, 'a proud grandmother'))).not.toBe('Ada Lind');
  });

  it('finds the agent after the quotation ("was labelled a “big misjudgement” by MPs.")', () => {
    const { quotes, speakerOf } = run(
      'Tomas Eberle defended the posters. They were labelled a "big misjudgement" by the Veldish Greens. The party said more.',
    );
    expect(speakerOf(quoteWith(quotes, 'big misjudgement'))).toBe('Veldish Greens');
  });
});

describe('cases found in review', () => {
  it('keeps a "that" after a preposition or inside an addressee’s relative clause in the content', () => {
    expect(
      run('Maren Holt said at that point the team was exhausted.').quotes.some((q) =>
        q.text.startsWith('point'),
      ),
    ).toBe(false);
    const { quotes } = run('Maren Holt told the paper the plan that ministers backed was dead.');
    expect(quoteWith(quotes, 'ministers backed').text).toBe('the plan that ministers backed was dead');
  });

  it('reads present-tense and irregular clauses after "claims" as statements, adjectives as no verb', () => {
    for (const text of [
      'Ada Lind claims the council wants to sell the land.',
      'Ada Lind claimed the guards beat him during the night.',
    ])
      expect(run(text).quotes).toHaveLength(1);
    expect(run('Roddick claims the coveted trophy for a third time.').quotes).toHaveLength(0);
    expect(run('The veteran claimed victory in the vote, which was marred by fraud.').quotes).toHaveLength(0);
  });

  it('keeps a clause after "confirming"/"announcing"', () => {
    const { quotes, speakerOf } = run(
      'Ilse Marrow addressed the nation on Sunday, announcing the borders would close at midnight.',
    );
    expect(speakerOf(quoteWith(quotes, 'borders would close'))).toBe('Ilse Marrow');
  });

  it('reads an agent with an abbreviation whole and takes no time for an agent', () => {
    const { quotes, speakerOf } = run(
      'The bridge was described as "a triumph of engineering" by Dr. Ilse Marrow.',
    );
    expect(speakerOf(quoteWith(quotes, 'triumph of engineering'))).toBe('Ilse Marrow');
    const timed = run(
      'The decision was described as "deeply unfair" by Friday evening, when protests began.',
    );
    expect(timed.speakerOf(quoteWith(timed.quotes, 'deeply unfair'))).toBeUndefined();
  });
});

describe('more base forms after a plural subject', () => {
  it('reads "researchers report" and "they promise" as reporting, "earnings report since" as a noun', () => {
    const { quotes, speakerOf } = run(
      'Middle-aged workers who have had a stroke are less likely to be working three years later, researchers report.',
    );
    expect(speakerOf(quoteWith(quotes, 'less likely to be working'))).toBe('researchers');
    expect(
      run('Almost all revenues, they promise, will be returned to families.').quotes.length,
    ).toBeGreaterThan(0);
    expect(
      run('In its first earnings report since floating, the search firm doubled its profit.').quotes,
    ).toHaveLength(0);
  });
});

describe('an inverted attribution in the middle of a sentence', () => {
  it('reports both halves of "The plan, insists the mayor, will save money."', () => {
    const { quotes } = run('The plan, insists the mayor, will save money.');
    expect(quotes.map((q) => q.text)).toEqual(['The plan', 'will save money']);
    expect(quotes.every((q) => q.speakerMention?.text === 'the mayor')).toBe(true);
  });

  it('reports only what follows an opening adverb ("More significantly, says the report, ...")', () => {
    const { quotes } = run(
      'Broadband use is growing. More significantly, says the report, broadband is changing how people shop.',
    );
    expect(quotes.map((q) => q.text)).toEqual(['broadband is changing how people shop']);
  });

  it('takes the name after an age ("insists 16-year-old Xander Wise")', () => {
    const { quotes, speakerOf } = run(
      'There is a particular satisfaction, insists 16-year-old Xander Wise, in seeing your vision through to completion.',
    );
    expect(speakerOf(quoteWith(quotes, 'particular satisfaction'))).toBe('Xander Wise');
  });

  it('does not read "announced the news, adding" as an inverted attribution to "the news"', () => {
    const { quotes, speakerOf } = run(
      'Leading plaintiff, the University of Tarland, announced the news, adding that ten directors will pay.',
    );
    expect(quotes.some((q) => /news/.test(q.speakerMention?.text ?? ''))).toBe(false);
    expect(speakerOf(quoteWith(quotes, 'ten directors will pay'))).toMatch(/plaintiff|University of Tarland/);
  });
});

describe('participles with a subject of their own or an object only', () => {
  it('gives ", with reports saying ..." to the reports, not to the sentence subject', () => {
    const { quotes, speakerOf } = run(
      'Tomas Eberle has been linked with the vacant post, with reports saying he has fallen out with the club.',
    );
    expect(speakerOf(quoteWith(quotes, 'fallen out'))).toBe('reports');
  });

  it('reads ", adding pay-TV channels later" and "a way of writing software" as no statements', () => {
    expect(run('The service will launch free to air, adding pay-TV channels later.').quotes).toHaveLength(0);
    expect(
      run(
        'It requires programmers to learn a different way of writing software, and the change may be too hard.',
      ).quotes,
    ).toHaveLength(0);
  });
});

describe('a straight-quoted passage that runs on over an opening mark', () => {
  it('keeps every sentence of it quoted and with its speaker', () => {
    const { quotes, speakerOf } = run(
      'Tomas Eberle initially said: "He would have stayed down longer if I had hit him. "I can tell you it was not deliberate. We were chasing a ball. "He was stopping as we ran and I said to myself that I would go round him."',
    );
    expect(quotes.map((q) => q.kind)).toEqual(['direct', 'direct', 'direct']);
    expect(quotes.map((q) => speakerOf(q))).toEqual(['Tomas Eberle', 'Tomas Eberle', 'Tomas Eberle']);
    expect(quoteWith(quotes, 'I can tell you').text).toBe(
      'I can tell you it was not deliberate. We were chasing a ball.',
    );
  });

  it('still closes a straight quote glued to its last word before the next one opens', () => {
    const { quotes } = run('"We lost the game tonight," said Ada Lind. "We will be back," she added.');
    expect(quotes.map((q) => q.text)).toEqual(['We lost the game tonight', 'We will be back']);
  });
});

describe('a two-word quotation with its comma inside the closing mark', () => {
  it('is a direct quote of the speaker after it ("Not acceptable," he said)', () => {
    const text = 'Premier Tomas Ardell spoke on Monday. "Not acceptable," he said of the tariff.';
    const { quotes, speakerOf } = run(text);
    const q = quoteWith(quotes, 'Not acceptable');
    expect(q.kind).toBe('direct');
    expect(speakerOf(q)).toBe('Tomas Ardell');
  });

  it('leaves a two-word title in running text alone', () => {
    const { quotes } = run('The band played "Night Rain," a song from 1970, at the fair in Tarnby.');
    expect(quotes).toEqual([]);
  });
});

describe('manner cues after a quotation', () => {
  it('reads "implored", "begged" and "urged" after the closing mark as the attribution', () => {
    const text =
      'Ada Lindqvist spoke first. "Please come home," she begged. ' +
      '"Don\'t you care about the river?", implored campaigner Tomas Rosberg. "Vote for the plan," urged Ilse Varga.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'Please come home'))).toBe('Ada Lindqvist');
    expect(speakerOf(quoteWith(quotes, 'care about the river'))).toBe('Tomas Rosberg');
    expect(speakerOf(quoteWith(quotes, 'Vote for the plan'))).toBe('Ilse Varga');
  });
});

describe('a parenthetical attribution after a clause with a quoted fragment', () => {
  it('reports the words after it too ("..., he said, life was ...")', () => {
    const text =
      'Ivo Brandt spoke at the fair. Although schemes such as the "Plays Anywhere" badge could help, he said, ' +
      'life was likely to stay confusing for buyers.';
    const { quotes, speakerOf } = run(text);
    // (the "Plays Anywhere" badge is a name in marks, no quotation: the clause is indirect)
    expect(quoteWith(quotes, 'Although schemes').kind).toBe('indirect');
    const after = quoteWith(quotes, 'life was likely');
    expect(after.text).toBe('life was likely to stay confusing for buyers');
    expect(speakerOf(after)).toBe('Ivo Brandt');
  });
});

describe('"told" with an addressee and a place or time before the reported clause', () => {
  it('starts the clause at its subject pronoun ("told the court in the town of Elm Lake she was hired")', () => {
    const text =
      'Publicist Ana Kiter told the court in the town of Elm Lake she was hired to manage the fallout. ' +
      'Ilse Varga told the jury on Monday she had never met him.';
    const { quotes, speakerOf } = run(text);
    const first = quoteWith(quotes, 'she was hired');
    expect(first.text).toBe('she was hired to manage the fallout');
    expect(speakerOf(first)).toBe('Ana Kiter');
    expect(speakerOf(quoteWith(quotes, 'she had never met him'))).toBe('Ilse Varga');
  });
});

describe('a quotation opening a sentence whose clause goes on after it', () => {
  it('is a partial quote of the whole clause ("\\"Lasting damage\\" will be caused by the plans, MPs have warned")', () => {
    const text =
      '"Lasting environmental damage" will be caused by plans to build a million homes, MPs have warned. ' +
      '"In a sense, we have hardly started," the new chairman of Velmont, Ada Lind, said.';
    const { quotes, speakerOf } = run(text);
    const whole = quoteWith(quotes, 'Lasting environmental damage');
    expect(whole.kind).toBe('partial');
    expect(whole.text).toBe(
      '"Lasting environmental damage" will be caused by plans to build a million homes',
    );
    expect(speakerOf(whole)).toBe('MPs');
    const full = quoteWith(quotes, 'hardly started');
    expect([full.kind, full.text]).toEqual(['direct', 'In a sense, we have hardly started']);
  });
});

describe('cue words that report nothing here', () => {
  it('skips "maintained" with an object, a perfect infinitive and "says it all"', () => {
    const text =
      'Tarn Rovers maintained their superb start to the season. Ada Lind and Tom Ros are said to have declared ' +
      'war on each other. The name says it all: it is radio for rap fans. Ilse Varga maintains that she is a home cook.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => q.text)).toEqual(['she is a home cook']);
    expect(speakerOf(quotes[0]!)).toBe('Ilse Varga');
  });

  it('keeps a clause with a subject of its own out of a parenthetical report, not a verb phrase going on', () => {
    const text =
      'Approval should now be a formality, analysts said, and the company expects a licence in May. ' +
      'The drugs have a limited set of uses, Dr. Ada Lind says, and are mostly meant to be taken short term.';
    const { quotes } = run(text);
    const texts = quotes.map((q) => q.text);
    expect(texts).toContain('Approval should now be a formality');
    expect(texts.some((t) => t.includes('the company expects'))).toBe(false);
    expect(texts).toContain('and are mostly meant to be taken short term');
  });
});

describe('the body "the firm" or "it" refers to', () => {
  it('is no participle or "Neither" opening a sentence ("Increased costs hit ...")', () => {
    const text =
      'Increased costs hit the Velmont builder hard. The firm said the result was below expectations. ' +
      'Neither has yet tabled a bid, the Tarn Herald reported. The newspaper suggested the talks may fail.';
    const { quotes, speakerOf } = run(text, ['Tarn Herald']);
    expect(speakerOf(quoteWith(quotes, 'below expectations'))).not.toBe('Increased');
    expect(speakerOf(quoteWith(quotes, 'the talks may fail'))).not.toBe('Neither');
  });
});

describe('cue words that are nouns here', () => {
  it('reads "reports say" and "according to studio estimates" as one quote each, with the source', () => {
    const text =
      'Tarnwell has won the battle for the phone firm Velmont, reports say. ' +
      'The film took $40m at the weekend, according to studio estimates, taking its total to $110m.';
    const { quotes, speakerOf } = run(text);
    const first = quotes.filter((q) => q.text.includes('has won the battle'));
    expect(first).toHaveLength(1);
    expect(speakerOf(first[0]!)).toBe('reports');
    const second = quotes.filter((q) => q.text.includes('took $40m'));
    expect(second).toHaveLength(1);
    expect(speakerOf(second[0]!)).toBe('studio estimates');
    expect(quotes.some((q) => q.text.includes('taking its total'))).toBe(false);
  });

  it('takes the clause after "said when announcing the talks" from its subject pronoun, once', () => {
    const text =
      'Foreign minister Ilkan Sorev said when announcing the talks this week he hoped it would mark ' +
      '"a turning point" for the region.';
    const { quotes, speakerOf } = run(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.text).toBe('he hoped it would mark "a turning point" for the region');
    expect(speakerOf(quotes[0]!)).toBe('Ilkan Sorev');
  });
});

describe('a place after a cue before "that"', () => {
  it('is no part of the clause ("She said outside court that she was satisfied")', () => {
    const { quotes } = run(
      'Delia Franz spoke. She said outside court that she was satisfied with the sentence.',
    );
    expect(quotes.map((q) => q.text)).toEqual(['she was satisfied with the sentence']);
  });
});

describe('an inverted attribution with a description that closes with a dash', () => {
  it('goes to the name before it ("...," Laah Chong-gyu, director of X - one of its creditors - said.)', () => {
    const text =
      '"The card firm will need no more aid after this," Laah Chong-gyu, executive director of Tarn Bank - one ' +
      "of the firm's creditors - said.";
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'will need no more aid'))).toBe('Laah Chong-gyu');
  });
});

describe('participles and sums', () => {
  it('gives a participle to the subject of the clause joined on before it ("..., and the court cleared him, saying")', () => {
    const text =
      'A lower court ruled in 2003 that Ivo Brandt would have to pay, but the appeal court cleared him, saying ' +
      'that the violation occurred when others posted the music.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'the violation occurred'))).toBe('the appeal court');
  });

  it('reads "added 6.3 cents" as no statement', () => {
    const { quotes } = run(
      'The June pound, which added 6.3 cents over the past week to reach a new high, has spawned a boom.',
    );
    expect(quotes).toEqual([]);
  });
});

describe('titles, replies and name suffixes', () => {
  it('does not read a programme title in quotation marks as a quote, and gives the quote after ", adding," to the speaker', () => {
    const text =
      '“I think Ada Velt would be the best choice, but she has no chance,” Torvin said on Radio Vell\'s "Morning Hour," ' +
      'adding, “Her problem is that she is an insider.”';
    const { quotes, speakerOf } = run(text);
    expect(quotes.map((q) => q.text)).not.toContain('Morning Hour');
    expect(speakerOf(quoteWith(quotes, 'she is an insider'))).toBe('Torvin');
    expect(quoteWith(quotes, 'she is an insider').kind).toBe('direct');
  });

  it('reads "shot back" before a quotation as a cue, but not "hit back" in a match report', () => {
    const text =
      'After Harlan Mott criticised Ivo Brandt during a debate, Selma Brandt shot back, “I chose to follow my profession.”\n\n' +
      'Tarland hit back through Ansel Ruud, who finished a fluid passing move with a low shot.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'follow my profession'))).toBe('Selma Brandt');
    expect(quotes.some((q) => q.text.includes('fluid passing move'))).toBe(false);
  });

  it('takes a name ending in "Jr." as the subject across an adjunct between commas', () => {
    const text =
      'Ivo Brandt has become a staple of late-night comedy. Senator Harlan M. Mott Jr., in an interview with Radio Vell, ' +
      'blurted out, "Oh, no, not again," at the mention of his name.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'not again'))).toMatch(/^Harlan M\. Mott Jr/);
  });
});

describe('subjects of participles and relative clauses', () => {
  it('ends the subject before the verb: "The town released a statement Wednesday saying ..."', () => {
    const text =
      'Tarnby had two murders last year. The town released a statement Wednesday saying the figures were wrong. ' +
      'The Veldish National Convention released a statement on Wednesday evening, saying the remarks were divisive.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'figures were wrong'))).not.toMatch(/released/);
    expect(speakerOf(quoteWith(quotes, 'remarks were divisive'))).toBe('Veldish National Convention');
  });

  it('reads "His message to the minister was:" as the words of the person "his" stands for', () => {
    const text =
      'Sir Ansel Ruud said stability was all important. His message to the minister was: "Please do not give it away."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'do not give it away'))).toBe('Ansel Ruud');
  });

  it('gives "... backed by Secretary X who said:" to X, with no comma before "who"', () => {
    const text =
      'Selma Brandt called for clearer warnings. Her call was backed by Culture Secretary Ada Ruiz who said: ' +
      '"You would not let your child watch it." The row went on for weeks, and the opposition was backed by Ivo Brandt who said the rules were enough.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'let your child watch it'))).toBe('Ada Ruiz');
    expect(speakerOf(quoteWith(quotes, 'rules were enough'))).toBe('Ivo Brandt');
  });

  it('gives ", saying" to a party that criticised a stance, not to the person named in it', () => {
    const text =
      'Ivo Brandt said people would be mystified. The Ruralists criticised the Unionist stance, saying Mr Brandt had accepted the word of the minister.';
    const { quotes, speakerOf } = run(text, ['Ruralists']);
    expect(speakerOf(quoteWith(quotes, 'accepted the word'))).toBe('Ruralists');
  });
});

describe('a quotation with its own speaker after a reported clause', () => {
  it('ends the reported clause before "― Y boasted, "..."" and keeps the quotation for Y', () => {
    const text =
      'When Ada Velt noted that Ivo Brandt had paid no income tax ― as was true for the years his returns were public ― ' +
      'Brandt boasted, “That makes me smart.” He was defensive again later.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'makes me smart'))).toBe('Ivo Brandt');
    expect(quoteWith(quotes, 'paid no income tax').text).not.toContain('smart');
    expect(speakerOf(quoteWith(quotes, 'paid no income tax'))).toBe('Ada Velt');
  });
});

describe('clause and sentence ends', () => {
  it('ends a reported clause before "- but Tory X said"', () => {
    const text =
      'The Ruralists say they will look at his plans - but Tory Ivo Brandt said his party offered a "clear choice" on the issue.';
    const { quotes, speakerOf } = run(text, ['Ruralists']);
    const first = quoteWith(quotes, 'look at his plans');
    expect(first.text).toBe('they will look at his plans');
    expect(speakerOf(quoteWith(quotes, 'clear choice'))).toBe('Ivo Brandt');
  });

  it("ends a sentence at an initial closed by a quotation mark ('since Cell Block H.\" Labour had')", () => {
    const text =
      'Ansel Ruud derided the photo call, saying: "The show of unity was the worst acting since Cell Block H." ' +
      'The Ruralists had broken promises by raising taxes 66 times, he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'worst acting'))).toBe('Ansel Ruud');
    expect(speakerOf(quoteWith(quotes, 'broken promises'))).toBe('Ansel Ruud');
  });
});

describe('a score conceded', () => {
  it('is no admission ("conceded six goals", "conceded defeat"), but "conceded that ..." is', () => {
    const { quotes } = run(
      'The Tarland side have conceded six goals in their last two outings. Ansel Ruud conceded defeat on Wednesday. ' +
        'Ivo Brandt conceded that the plan had failed.',
    );
    expect(quotes.map((q) => q.text)).toEqual(['the plan had failed']);
  });
});

describe('a quotation with no attribution after a sentence that introduces a person', () => {
  it('is that person\'s, not the last speaker\'s ("But union leader Y criticised the plans. "..."")', () => {
    const text =
      'Ivo Brandt also plans to make savings. He insisted the changes were "very modest" and designed to tackle the problem. ' +
      'But general secretary of the union, Selma Ruud, criticised the plans. "If you want good public services you do not get them by hitting people."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'good public services'))).toBe('Selma Ruud');
  });

  it('stays with the speaker when it names the person introduced, or is attributed later in its chain', () => {
    const text =
      'Coach Harlan Mott said he would pick his squad soon. "I will take advice from everyone." ' +
      'And forward Ansel Ruud looks certain to get the call. "Every player is judged on merit and Ansel Ruud is an outstanding player."\n\n' +
      'Ivo Brandt warned that flanker Tomas Velt needed a rest. Velt, 21, was crowned player of the year. ' +
      '"It is his first year at that level. "He has not played near that level on tour," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'outstanding player'))).toBe('Harlan Mott');
    expect(speakerOf(quoteWith(quotes, 'his first year'))).toBe('Ivo Brandt');
  });
});

describe('"According to X, ..." with quotation marks and appositives', () => {
  it('keeps a statement holding a quotation after words of the writer as a mixed quote', () => {
    const { quotes, speakerOf } = run(
      'An unnamed fund committed to the purchase. According to the memo obtained by the Elmford Courier, that fund “believed in the long-term value of these publications and in protecting journalism.”',
    );
    const q = quoteWith(quotes, 'believed in the long-term value');
    expect(q.kind).toBe('partial');
    // (the memo, or the paper that obtained it: documentAuthor reads "by X" as the author)
    expect(speakerOf(q)).toMatch(/memo|Elmford Courier/);
  });

  it('leaves out an appositive after the source, and relays nothing when a nested report opens the content', () => {
    const text =
      'According to Ivo Brandt, global advisory leader at Velmont, the trend of large companies to go global has one clear upside. ' +
      'According to the Elmford Courier, chief operating officer Selma Ruud said that the firm is "kicking the tyres" of the deal.';
    const { quotes, speakerOf } = run(text);
    expect(quoteWith(quotes, 'trend of large companies').text).toBe(
      'the trend of large companies to go global has one clear upside',
    );
    expect(speakerOf(quoteWith(quotes, 'kicking the tyres'))).toBe('Selma Ruud');
    expect(quotes.filter((q) => q.text.includes('kicking the tyres'))).toHaveLength(1);
  });
});

describe('a noun of saying with its source', () => {
  it('reports the that-clause as the source\'s ("an attack from X that ...", "claims by X that ...", "Y\'s denial that ...")', () => {
    const text =
      'The outreach sparked ire, including a scathing attack from the Veldish envoy in Elmford that it smacks of "Western egotism." ' +
      'He rejected claims by the opposition that the plan was a disaster for the country. ' +
      "The government refuses to accept Ivo Brandt's denials that he was involved in the bombing.";
    const { quotes, speakerOf } = run(text);
    const attack = quoteWith(quotes, 'Western egotism');
    expect(attack.kind).toBe('partial');
    expect(speakerOf(attack)).toBe('the Veldish envoy in Elmford');
    expect(speakerOf(quoteWith(quotes, 'plan was a disaster'))).toBe('the opposition');
    expect(speakerOf(quoteWith(quotes, 'involved in the bombing'))).toBe('Ivo Brandt');
  });

  it('is no quote of its own inside a report, nor as the subject of its sentence, and hands no "he said" on', () => {
    const text =
      'Ansel Ruud spoke on Monday. The health arguments far outweighed claims by the licensed trade that jobs would be lost, he told MSPs. ' +
      'He rejected claims that the plan was a disaster. ' +
      "Ruud's claim that the deal was dead was denied by Ivo Brandt.\n\n" +
      'The prime minister shrugged off claims from opposition leader Selma Velt that he led a "grubby government". ' +
      'He said: "I have never been more confident."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'health arguments'))).toBe('Ansel Ruud');
    expect(quotes.filter((q) => q.text.includes('jobs would be lost'))).toHaveLength(1);
    // (with no source, the statement is the one who rejects it: "He rejected claims that ...")
    expect(speakerOf(quoteWith(quotes, 'the plan was a disaster'))).toBe('Ansel Ruud');
    expect(quotes.some((q) => q.text.startsWith('the deal was dead'))).toBe(false);
    expect(speakerOf(quoteWith(quotes, 'grubby government'))).toBe('Selma Velt');
    expect(speakerOf(quoteWith(quotes, 'never been more confident'))).not.toBe('Selma Velt');
  });
});

describe('sources with abbreviations and relative "that"', () => {
  it('keeps "U.S." and initials inside an "according to" source, and takes no relative clause after a noun of saying', () => {
    const text =
      'The economy has grown at an increased rate, but its goals may be too ambitious, according to a report from U.S. intelligence agencies. ' +
      'The other condition were suggestions by the banks that would upset the financial system.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'increased rate'))).toMatch(
      /^(?:a )?report from U\.S\. intelligence agencies$/,
    );
    expect(quotes.some((q) => q.text.includes('upset the financial system'))).toBe(false);
  });
});

describe('an -s cue word before a finite verb', () => {
  it('is a plural noun ("the two-year notes fell", "member states are failing"), but "says are" still reports', () => {
    const text =
      'The 6-3/8 pct two-year notes fell 1/32 to 99-21/32 at midday. ' +
      'EU member states are failing to report fraud in EU funds on a consistent basis. ' +
      'Tarland is not on pace to achieve the reductions that the climate panel says are needed to avert catastrophe.';
    const { quotes } = run(text);
    expect(quotes.map((q) => q.text)).toEqual(['are needed to avert catastrophe']);
  });
});

describe('"said about" before a figure', () => {
  it('is an estimate in the content, not a topic ("said about 8,500 vehicles had arrived")', () => {
    const text =
      'The Elmford Centre spokeswoman said about 8,500 vehicles had arrived at the centre on Saturday. ' +
      '"We predict the next week will continue the trend," she added. He said about the plan that it was late.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, '8,500 vehicles'))).toBe('The Elmford Centre spokeswoman');
    expect(speakerOf(quoteWith(quotes, 'continue the trend'))).toBe('The Elmford Centre spokeswoman');
  });
});

describe('titles in quotation marks', () => {
  it('are no quotes when their function words are capitalised, or when a name sits between a determiner and its noun', () => {
    const text =
      'The legend gets a youthful spin in "The Boy Who Would Be Mayor," a surprisingly delightful film. ' +
      'Results for the first 500 enrolled are "very exciting," says senior manager Ada Velt, who is leading the "Activate" project. ' +
      '"Not acceptable," Ivo Brandt said.';
    const { quotes, speakerOf } = run(text);
    expect(quotes.some((q) => q.text.includes('Would Be Mayor'))).toBe(false);
    expect(quotes.some((q) => q.text.includes('Activate'))).toBe(false);
    expect(speakerOf(quoteWith(quotes, 'Not acceptable'))).toBe('Ivo Brandt');
  });
});

describe('"warning" before a noun, and sentence adverbs before the cue', () => {
  it('reports nothing for "warning letters", and "The foreign secretary meanwhile said" is the foreign secretary', () => {
    const text =
      'Ivo Brandt flew to Elmford on Monday. The foreign secretary meanwhile said the "justice" of the rebate remained. ' +
      'If it fails to do so after two or three warning letters, the commissioner can issue an enforcement notice.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'justice'))).not.toMatch(/meanwhile/);
    expect(quotes.some((q) => q.text.includes('enforcement notice'))).toBe(false);
  });
});

describe('"pointed out that", and a sentence adverb opening the sentence', () => {
  it('reads "X pointed out that ..." as a statement, and "However a spokesman said" as the spokesman', () => {
    const text =
      'Talks on the harbour levy stalled on Monday. Mr Orlov pointed out that the levy had been agreed in 2003. ' +
      'However a spokesman pointed out that the port needed the money. Critics point out the harbour is empty.';
    const { quotes, speakerOf } = run(text);
    const levy = quoteWith(quotes, 'levy had been agreed');
    expect(levy.kind).toBe('indirect');
    expect(speakerOf(levy)).toBe('Orlov');
    expect(quoteWith(quotes, 'port needed the money').speakerMention?.text).toBe('a spokesman');
    // without "that", "point out" is left alone (it also means pointing at things)
    expect(quotes.some((q) => q.text.includes('harbour is empty'))).toBe(false);
  });
});

describe('names with letters outside ASCII', () => {
  it('reads "Ana Peña said ..." as a report: the "a" after "ñ" is no article before a noun "said"', () => {
    const text =
      'Union leaders met on Monday. Ana Peña said down-ballot races can also help unite teachers. ' +
      '"You have got some very important races going on," Lía Ortíz García said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'down-ballot races'))).toBe('Ana Peña');
    expect(speakerOf(quoteWith(quotes, 'important races'))).toBe('Lía Ortíz García');
  });
});

describe('plural nouns that look like cues, and "what it calls"', () => {
  it('reads "his series of early-morning tweets in which" as a noun, and gives "what it calls" to "it"', () => {
    const text =
      'Ivo Brandt spoke in Elmford on Friday. He did not address his series of early-morning tweets in which he called a rival "a fraud." ' +
      'The Brandt campaign is defending the tweets. It is denouncing what it calls "the biggest coordinated attack in history."';
    const { quotes } = run(text);
    expect(quotes.some((q) => q.text.startsWith('in which'))).toBe(false);
    expect(quoteWith(quotes, 'a fraud').speakerMention?.text).toBe('he');
    expect(quoteWith(quotes, 'biggest coordinated').speakerMention?.text).not.toMatch(/denouncing/);
  });
});

describe('a time adjunct between the speaker and the cue', () => {
  it('is no part of the speaker: "The Times on Monday said", "X (D-Calif.) last week said"', () => {
    const text =
      'Talks went on. Senator Dana Korvel (D-Calif.) last week said the deal was not final. Mr Ostrow on Tuesday said the vote was close.';
    const { quotes } = run(text);
    expect(quoteWith(quotes, 'deal was not final').speakerMention?.text).not.toMatch(/last week/);
    expect(quoteWith(quotes, 'vote was close').speakerMention?.text).toBe('Mr Ostrow');
  });
});

describe('a verb of memory or perception before a participle cue', () => {
  it('gives the words to the subject of the participle, and leaves the reporter in focus', () => {
    const text =
      'Ona Pell wrote a book about her years as a guard. In it, Pell recalls Ivo Brandt telling one agent, "Get out of my way." ' +
      'Her friend Dana Korvel remembered Brandt claiming that his father was a sailor. "He was a lonely man," Korvel said.';
    const { quotes, speakerOf } = run(text);
    const direct = quotes.find((q) => q.kind === 'direct' && q.text.includes('Get out of my way'))!;
    expect(speakerOf(direct)).toBe('Ivo Brandt');
    expect(speakerOf(quoteWith(quotes, 'father was a sailor'))).toBe('Ivo Brandt');
    expect(speakerOf(quoteWith(quotes, 'lonely man'))).toBe('Dana Korvel');
  });
});
