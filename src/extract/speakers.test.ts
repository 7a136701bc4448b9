/**
 * Speaker attribution rules (speakers.ts) on short invented texts: descriptions, organisations and
 * pronouns resolved to the right entity or kept as a label of their own.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from './index.js';
import { buildMentionIndex } from './speakers.js';
import { quoteWith, runQuotes as run } from './test-support/quote-run.js';
import type { EntityRecord } from './types.js';

describe('descriptions as speakers', () => {
  it('keeps an indefinite description as a new speaker instead of an earlier person', () => {
    const text =
      'Harald Vostrikov was fined for the spill last month. ' +
      '"This is far too lenient," a neighbour told the council in a letter. ' +
      'Another resident of the valley wrote: "The river will take years to recover."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'far too lenient'))).toBe('a neighbour');
    expect(speakerOf(quoteWith(quotes, 'years to recover'))).toBe('Another resident of the valley');
  });

  it('does not give a modified organisation noun to an organisation with another name', () => {
    const text =
      'The Dockworkers Federation of Tarland backed the strike. ' +
      'The Veldish government said the strike was illegal. ' +
      'The nurses union says wards are understaffed.';
    const { quotes, speakerOf } = run(text, ['Dockworkers Federation of Tarland']);
    expect(speakerOf(quoteWith(quotes, 'strike was illegal'))).toBe('The Veldish government');
    expect(speakerOf(quoteWith(quotes, 'wards are understaffed'))).toBe('The nurses union');
  });

  it('resolves "the diocese" to the capitalised name written earlier that contains the noun', () => {
    const text =
      'Parents wrote to the Anglican Diocese of Marrowby after the school closed. ' +
      'The diocese issued a statement on Monday, saying the building was unsafe.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'building was unsafe'))).toBe('Anglican Diocese of Marrowby');
  });

  it('keeps "his office" as the office of a person, not the last organisation', () => {
    const text =
      'Orvin Talbeck oversees the Crown lender Westmark Credit Agency. ' +
      'In a statement, his office said the loans followed the rules.';
    const { quotes, speakerOf } = run(text, ['Westmark Credit Agency']);
    expect(speakerOf(quoteWith(quotes, 'loans followed'))).toBe('his office');
  });

  it('reads the head of a hyphenated compound and a capitalised party member as person nouns', () => {
    const text =
      'Doran Kessel, who guarded the chamber for a decade, is weighing a run for office. ' +
      'The former sergeant-at-arms of the assembly said he would decide by spring.\n\n' +
      'Senator Ilka Brandt criticised the ruling on Monday. ' +
      '"This ruling ignores the evidence," the Ohio Republican said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'decide by spring'))).toBe('Doran Kessel');
    expect(speakerOf(quoteWith(quotes, 'ignores the evidence'))).toBe('Ilka Brandt');
  });

  it('does not take a name inside a relative clause or a plural possessive for the speaker', () => {
    const text =
      'The merger was nearly done, according to the official who briefed Harbour Gazette. ' +
      'Emissions must fall faster, the Coastal Nations’ ocean panel says.';
    const { quotes, speakerOf } = run(text, ['Harbour Gazette', 'Coastal Nations']);
    expect(speakerOf(quoteWith(quotes, 'merger was nearly done'))).not.toBe('Harbour Gazette');
    expect(speakerOf(quoteWith(quotes, 'must fall faster'))).toBe('the Coastal Nations’ ocean panel');
  });
});

describe('subjects of participle and colon cues', () => {
  it('finds a determiner-phrase subject whose head is not the last of its words', () => {
    const text =
      'The team ended its season with a message to fans: "Home at last." ' +
      "The city council's planning office published a notice Tuesday, saying the road would close.";
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'Home at last'))).toBe('The team');
    expect(speakerOf(quoteWith(quotes, 'road would close'))).toBe("The city council's planning office");
  });
});

describe('organisations and groups as pronoun antecedents', () => {
  it('gives "it" and "the company" to the body that is the subject nearby, not an earlier one', () => {
    const text =
      'Ostrava Mining Corp sold its stake last year.\n\n' +
      'Velmont Foods opened two bakeries in March. The company said sales could rise further.\n\n' +
      'KRW declined to comment on the loan. "We never discuss individual borrowers," it said in a statement.';
    const { quotes, speakerOf } = run(text, ['Ostrava Mining Corp']);
    expect(speakerOf(quoteWith(quotes, 'sales could rise'))).toBe('Velmont Foods');
    expect(speakerOf(quoteWith(quotes, 'individual borrowers'))).toBe('KRW');
  });

  it('gives "they" to a plural subject or a group noun in the sentences before', () => {
    const text =
      'Marta Quillon leads the opposition. The Greens expect the levy to pass; they say a survey found wide support.\n\n' +
      'The firefighters union held a vote in May. On Monday, they announced that the strike would go ahead.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'survey found'))).toBe('Greens');
    expect(speakerOf(quoteWith(quotes, 'strike would go ahead'))).toBe('The firefighters union');
  });

  it('lets an unattributed quote continue a body named by a label, not the last person', () => {
    const text =
      'Mayor Lorna Vetch asked residents to stay home.\n\n' +
      'Tarn Water said in a statement that 4,000 homes had no water on Sunday.\n\n' +
      '"Crews are working through the night," it said.\n\n' +
      '"Repairs could take until Wednesday."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, '4,000 homes'))).toBe('Tarn Water');
    expect(speakerOf(quoteWith(quotes, 'Crews are working'))).toBe('Tarn Water');
    expect(speakerOf(quoteWith(quotes, 'Repairs could take'))).toBe('Tarn Water');
  });
});

describe('subjects separated from their cue', () => {
  it('reaches the subject over a relative clause with a short quoted phrase in it', () => {
    const text =
      'Retired teacher Ada Vell, who lost 4 kg “and a shoe size” between June and August, says the diet works.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'diet works'))).toBe('Ada Vell');
  });
});

describe('judicial offices', () => {
  it('gives "the judge" to a person titled Justice, and keeps an unnamed judge as a label', () => {
    const named = run(
      'Justice Moira Fenwick heard the appeal on Monday. The judge said the delay was unacceptable.',
    );
    expect(named.speakerOf(quoteWith(named.quotes, 'delay was unacceptable'))).toBe('Moira Fenwick');
    const unnamed = run(
      'Corin Saldana was sentenced on Friday. In her ruling, the district judge said Saldana showed no remorse.',
    );
    expect(unnamed.speakerOf(quoteWith(unnamed.quotes, 'showed no remorse'))).toBe('the district judge');
  });
});

describe('names after titles and appositives, and documents as speakers', () => {
  it('takes the name after a lower-case title phrase as the subject of a participle cue', () => {
    const text =
      'Veldish health ministry spokeswoman Ana Ruizola replied on Tuesday, saying the claims were false.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'claims were false'))).toBe('Ana Ruizola');
  });

  it('takes a one-word name in apposition at the end of an inverted attribution', () => {
    const text = '"If Orla stopped, I would stop too," says Tate’s dad, Rudi. It was late.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'I would stop too'))).toBe('Rudi');
  });

  it('takes the name after a bare title phrase in an inverted attribution, past the title and initials', () => {
    const text =
      '"Rates have helped so far," said ABF chief economist, Tomas Vireo. ' +
      '"The odds are against a cut," said another leading court advocate, Andrew J. Pellin of the firm Vask Lorne. ' +
      '"We are anxious," said the two lawmakers, Representatives Ilse K. Marrow of Tarland and Ben Ott.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'Rates have helped'))).toBe('Tomas Vireo');
    expect(speakerOf(quoteWith(quotes, 'odds are against'))).toBe('Andrew J. Pellin');
    expect(speakerOf(quoteWith(quotes, 'We are anxious'))).toBe('Ilse K. Marrow');
  });

  it('gives what a statement or a board decision says to its author', () => {
    const text =
      'The Harbour Growers Association said in a statement that prices would rise. ' +
      'The statement also said that smaller farms could close.\n\n' +
      'The Elmford Parole Board released Lyle Dorran in May. The parole board decision said he had shown remorse.';
    const { quotes, speakerOf } = run(text, ['Elmford Parole Board']);
    expect(speakerOf(quoteWith(quotes, 'smaller farms'))).toBe('The Harbour Growers Association');
    expect(speakerOf(quoteWith(quotes, 'shown remorse'))).toBe('Elmford Parole Board');
  });
});

describe('sentence subjects behind a dateline or an object', () => {
  it('skips a dateline before the subject of a participle cue', () => {
    const text =
      'Elmford (AFP) – Councillor Dana Kell took a swipe at Ivo Tarr on Monday, saying his budget would "gut every library."';
    const { quotes, speakerOf } = run(text);
    const quote = quoteWith(quotes, 'gut every library');
    expect(quote.speakerMention?.text).toBe('Dana Kell');
    expect(speakerOf(quote)).toBe('Dana Kell');
  });

  it('gives a quoted name after "calling him" to the subject, not the object', () => {
    const text = 'At a rally in Elmford, Rosa Quint went after Ivo Tarr, calling him "a total fraud."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'a total fraud'))).toBe('Rosa Quint');
  });
});

describe('participle subjects', () => {
  it('takes the subject of the finite cue after a quotation that opens the sentence', () => {
    const text =
      'Ivo Tarr spoke first. "It does say so in the letter," Ada Penn confirmed, adding that the rules "were never explained to us."';
    const { quotes } = run(text);
    expect(quoteWith(quotes, 'never explained').speakerMention?.text).toBe('Ada Penn');
  });

  it('reads a determiner phrase with a capitalised modifier as the subject ("The Elmford senator")', () => {
    const text =
      'Ivo Tarr ended his campaign on Tuesday. The Elmford senator took a heckler in stride, saying the man would "not get hurt" at his rally.';
    const { quotes } = run(text);
    expect(quoteWith(quotes, 'not get hurt').speakerMention?.text).toBe('The Elmford senator');
  });
});

describe('subjects of participles and relative clauses', () => {
  it('finds a lower-case pronoun after a conjunction and a name after "And then"', () => {
    const text =
      'Rosa Quint spoke at noon. Then she cut into Ivo Tarr, calling him "a spoiled child."\n\n' +
      'Ivo Tarr kept quiet. And then Dana Kell went on the attack, saying the plan "will fail."';
    const { quotes } = run(text);
    expect(quoteWith(quotes, 'spoiled child').speakerMention?.text).toBe('she');
    expect(quoteWith(quotes, 'will fail').speakerMention?.text).toBe('Dana Kell');
  });

  it('gives a quote after ", who called" to the noun phrase the relative pronoun stands for', () => {
    const text =
      'Among the guests was Ivo Tarr, the owner, and Mayor Dana Kell, who later called the winner "a true local hero."';
    const { quotes, speakerOf } = run(text);
    const quote = quoteWith(quotes, 'a true local hero');
    expect(quote.speakerMention?.text).toBe('Dana Kell');
    expect(speakerOf(quote)).toBe('Dana Kell');
  });
});

describe('salience of antecedents', () => {
  it('does not take the person after "Unlike" as the antecedent of "he"', () => {
    const text =
      'Tomas Ilveskorpi found work within a month.\n\n' +
      'Erik Vannström arrived in May. Unlike Ilveskorpi, he has been unable to find a job. He studies English at night.\n\n' +
      '"My study comes after my family," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'after my family'))).toBe('Erik Vannström');
  });

  it('names an organisation reached through "the company" by its full name', () => {
    const text =
      'Corvant Energy Inc. runs two plants in the north. Corvant received a second payment this year. ' +
      'The company noted that it might have to repay some of it.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'might have to repay'))).toBe('Corvant Energy Inc.');
  });
});

describe('subjects behind time phrases, relative clauses and prepositions', () => {
  it('skips a leading time phrase ("Two months later,") to reach the subject of a participle cue', () => {
    const { quotes, speakerOf } = run(
      'Two months later, Corvin Adebayo called in to a meeting of dock workers, telling them "the harbour will reopen soon."',
    );
    expect(speakerOf(quoteWith(quotes, 'harbour will reopen'))).toBe('Corvin Adebayo');
  });

  it('reaches the subject over ", who ...," and never takes "of X" after the cue as the speaker', () => {
    const { quotes } = run(
      'Mia Oster spoke first. A senior adviser, who spoke on condition of anonymity to talk candidly about the plans, ' +
        'said of the senator, "She takes the threat very seriously."',
    );
    expect(quoteWith(quotes, 'threat very seriously').speakerMention?.text).toBe('A senior adviser');
  });
});

describe('photo credits and time phrases', () => {
  it('does not take the photographer of a credit as the person a description means', () => {
    const { quotes, speakerOf } = run(
      'Mira Castell opened the shop in May. (Jonas Pell / The Tarn Herald)\n\n' +
        '"We print anything anyone brings us," says the 39-year-old founder.',
    );
    expect(speakerOf(quoteWith(quotes, 'print anything'))).toBe('Mira Castell');
  });

  it('reads a lower-case determiner phrase after "Last month," as the subject', () => {
    const { quotes } = run(
      'Last month, a group of 32 security experts at the Harbour Institute warned of fakes, arguing that hackers ' +
        'could "salt the files they release with forgeries."',
    );
    expect(quoteWith(quotes, 'salt the files').speakerMention?.text).toBe('a group');
  });
});

describe('indefinite descriptions named in the next sentence', () => {
  it('gives "One former director said ..." to the person the next sentence introduces', () => {
    const { quotes, speakerOf } = run(
      'The board of Velmont Radio met on Friday.\n\n' +
        'One former director indicated on Friday that he would be pleased to return to the board. ' +
        'Tomas Ilveskorpi told the Herald he left the board last winter.',
    );
    expect(speakerOf(quoteWith(quotes, 'pleased to return'))).toBe('Tomas Ilveskorpi');
  });

  it('keeps the description when the next person was named before or holds another role', () => {
    const { quotes, speakerOf } = run(
      'Mayor Tomas Ilveskorpi opened the meeting.\n\n' +
        'A former director said that the board had failed the station. Ilveskorpi told the Herald he disagreed.',
    );
    expect(speakerOf(quoteWith(quotes, 'failed the station'))).toBe('A former director');
  });
});

describe('sentence openers that name no body', () => {
  it('does not take "Last" of "Last week, it denied" as the body "it" stands for', () => {
    const { quotes, speakerOf } = run(
      'Tarnby Ferries raised its fares again.\n\nLast week, it denied that its boats broke safety rules.',
    );
    expect(speakerOf(quoteWith(quotes, 'broke safety rules'))).toBe('Tarnby Ferries');
  });
});

describe('opening adverbials without a comma', () => {
  it('leaves "Last month", "Earlier this week" and "In its report ..." out of the subject', () => {
    const first = run('Shares of Tarnby Ferries fell. Last month it said it was looking for fresh backing.');
    expect(quoteWith(first.quotes, 'fresh backing').speakerMention?.text).not.toMatch(/^Last/);
    const second = run('Trade talks stalled. Earlier this week Tarland said that it would punish violators.');
    expect(quoteWith(second.quotes, 'punish violators').speakerMention?.text).toBe('Tarland');
    const third = run("In its report on the council's work the committee said that skills were short.");
    expect(quoteWith(third.quotes, 'skills were short').speakerMention?.text).toBe('the committee');
  });
});

describe('possessive role descriptions', () => {
  it('resolves "Norway’s chief public health officer" to the person in focus like "the chief health officer"', () => {
    const text =
      'Dr. Ines Varga said cases are rising. Norway’s chief public health officer urged people to stay home.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'stay home'))).toBe('Ines Varga');
  });
});

describe('teaser lines', () => {
  it('takes no antecedent from a "READ MORE:" link line', () => {
    const text =
      'Ana Ruiz said the shelter is full.\n\n' +
      'READ MORE: Mayor Tomas Brandt promises new beds\n\n' +
      '"We turn people away every night," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'turn people away'))).not.toBe('Tomas Brandt');
  });

  it('takes no antecedent from a video caption closed by its running time', () => {
    const text =
      'Ana Ruiz lost her son in 2016.\n\n' +
      'Tarn Herald reporter Quvaro Teslin explains the rise in overdoses. 10:43\n\n' +
      'After the funeral, she said the pharmacy should be investigated.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'pharmacy'))).toBe('Ana Ruiz');
  });
});

describe('an unnamed source with a postmodifier', () => {
  it('keeps "an official familiar with the talks" whole as the speaker, not "the talks"', () => {
    const text =
      'Talks resumed in Tarnby on Monday. ' +
      'Those pushing for a deal include Marisol Quentaro, who flew in last week, an official familiar with the talks said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'pushing for a deal'))).toBe('an official familiar with the talks');
  });
});

describe('objects inside a sentence-opening adjunct', () => {
  it('does not resolve "he" to a person the pronoun\'s own subject spoke with', () => {
    const text =
      'Daniel Okafor returned to the capital on Sunday. ' +
      'After holding phone conversations with Aldric Vennholt and Tomas Reyker, he said the crisis was over.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'crisis was over'))).toBe('Daniel Okafor');
  });

  it('keeps a name after "and" a subject when a verb follows it', () => {
    const text =
      'Victory took Tarnby within six points of leaders Elmford and Daniel Okafor is confident Tomas Reyker will stay. ' +
      'He added that the squad was ready.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'squad was ready'))).toBe('Daniel Okafor');
  });
});

describe('the person a description denotes', () => {
  it('passes over people named in a photo caption', () => {
    const text =
      'I am talking about Orla Fennick, who like Brannoc Teague grew up by the sea.\n\n' +
      'Ysolde Marrin and Orla Fennick outside the harbour office in Keswater. ( Tam Holloway / Keswater Courier )\n\n' +
      '"We repair every boat that comes in," says the 41-year-old owner of the yard.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'every boat'))).toBe('Orla Fennick');
  });

  it('prefers the person introduced in the paragraph to one only compared with', () => {
    const text =
      'Dervla Oakes opened the shop in 2010.\n\n' +
      'Then there is Piet Hallorann, who like Dervla Oakes moved here from abroad. ' +
      '"I came for a summer and stayed," says the 52-year-old baker.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'came for a summer'))).toBe('Piet Hallorann');
  });

  it('does not take someone named inside another speaker’s statement', () => {
    const text =
      'Team captain Mirelle Dost said the squad would understand if Annika Sorvell stayed at home. ' +
      '"We would love to have her with us," said the former world champion.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'love to have her'))).toBe('Mirelle Dost');
  });

  it('reads an unlisted person noun ("the pop star", "the maverick") as the person in focus', () => {
    const text =
      'Singer Jovan Petrakis has announced a farewell tour.\n\n' +
      'The pop star said the shows would be his last. ' +
      'Corrin Vale, a painter, was also there. "I never followed the rules," says the bow-tied maverick.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'his last'))).toBe('Jovan Petrakis');
    expect(speakerOf(quoteWith(quotes, 'never followed'))).toBe('Corrin Vale');
  });
});

describe('an indefinite person description with an organisation in it', () => {
  it('gives "A Superior Court of X judge" to the judge named next, not to the court', () => {
    const text =
      'A Superior Court of Tarland judge chastised the Harbour Radio Network on Friday, saying the station ' +
      'had been "playing games" with its members. Justice Maren Holt directed the station to hand over the list.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'playing games'))).toBe('Maren Holt');
  });

  it('leaves "a Tarland Water spokesman" speaking for the organisation', () => {
    const text =
      'A Tarland Water spokesman said on Friday that the pipes are safe. Engineer Maren Holt disagreed with the report.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'pipes are safe'))).not.toBe('Maren Holt');
  });
});

describe('role descriptions and pronouns that name one of several people', () => {
  it('gives "the foreign minister" to the holder of that title, not the prime minister named since', () => {
    const text =
      'Veldish foreign minister Aldo Brenner met Prime Minister Ilse Marrow on Monday. ' +
      'The conference was a "vital step", the foreign minister said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'vital step'))).toBe('Aldo Brenner');
  });

  it('does not read the band before "frontman" as the subject a pronoun refers to', () => {
    const text =
      'Tarn Rovers frontman Alex Kapranos has called for more help for musicians. ' +
      '"There needs to be some state input," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'state input'))).toBe('Alex Kapranos');
  });

  it('resolves "he" to a Philippe whom the name lists give as a woman', () => {
    const text =
      'The co-head of the aerospace group Velmont, Philippe Darrieux, is to leave his post.\n\n' +
      'He said in a statement that he would return to his old firm. Airbus head Tomas Eberle will replace him.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'return to his old firm'))).toBe('Philippe Darrieux');
  });
});

describe('a part of an organisation named with its parent', () => {
  it('gives "the Velmont subsidiary" to the body in focus, never to the parent it names', () => {
    const { quotes, speakerOf } = run(
      'Tarnair Airways cancelled 300 flights. Tarnair Airways "deeply regrets the inconvenience to our customers," the Velmont Group subsidiary said.',
      ['Tarnair Airways', 'Velmont Group'],
    );
    expect(speakerOf(quoteWith(quotes, 'deeply regrets'))).toBe('Tarnair Airways');
  });
});

describe('adverts and leaflets as speakers', () => {
  it('keeps "the advert said" with the advert, not with a person named inside the quotation', () => {
    const { quotes, speakerOf } = run(
      'Fans hope the series returns. "Captain Tarrow and the crew need your help!" the advert said.',
    );
    expect(speakerOf(quoteWith(quotes, 'need your help'))).toBe('the advert');
  });
});

describe('pronouns after a speaker known only by a label', () => {
  it('gives "She said" to the spokeswoman who spoke just before', () => {
    const { quotes, speakerOf } = run(
      'Tomas Eberle criticised the calls. A party spokeswoman said the party stuck to the rules. She said: "We do apply the rules but in line with the law."',
    );
    expect(speakerOf(quoteWith(quotes, 'in line with the law'))).toBe('A party spokeswoman');
  });

  it('does not give "he said" to a spokeswoman', () => {
    const { quotes, speakerOf } = run(
      'Tomas Eberle criticised the calls. A party spokeswoman said the party stuck to the rules. "We will go on," he said.',
    );
    expect(speakerOf(quoteWith(quotes, 'We will go on'))).toBe('Tomas Eberle');
  });

  it('reads ", said agency vice-director Pan Yue." as an inverted attribution to the name', () => {
    const { quotes, speakerOf } = run(
      'The new projects across the region were halted, said agency vice-director Pan Yue. Others would be cancelled, he said.',
    );
    expect(speakerOf(quoteWith(quotes, 'were halted'))).toBe('Pan Yue');
    expect(speakerOf(quoteWith(quotes, 'Others would be cancelled'))).toBe('Pan Yue');
  });
});

describe('cases found in review of the speaker rules', () => {
  it('does not read a verb after a name ("sent") as a role noun that makes the name a modifier', () => {
    const { quotes, speakerOf } = run(
      'Maren Holt sent Ilse Marrow a letter on Monday. She said the deal was off.',
    );
    expect(speakerOf(quoteWith(quotes, 'deal was off'))).toBe('Maren Holt');
  });

  it('keeps "Danièle" a woman’s name while "Daniele" is a man’s', () => {
    const { quotes, speakerOf } = run(
      'Danièle Vasseur took the floor after Tomas Eberle. She said the vote would be close.',
    );
    expect(speakerOf(quoteWith(quotes, 'vote would be close'))).toBe('Danièle Vasseur');
  });
});

describe('"it" after a person known by a label', () => {
  it('does not give "It added" to a person label', () => {
    const { quotes, speakerOf } = run(
      'The campaign was backed by Former Guardsman Allan Hendry, who said the plan was wrong. It added that it can only be stopped if the government reverses its plan.',
    );
    expect(speakerOf(quoteWith(quotes, 'can only be stopped'))).not.toMatch(/Hendry/);
  });
});

describe('names with particles, long organisation names after a title, and bodies in an opening adverbial', () => {
  it('takes a six-word name with particles in apposition as the speaker, not the title before it', () => {
    const { quotes, speakerOf } = run(
      'Trading hours changed. Tarn Banking Services Director, Sulman Bin Khalifa Al Khalifa, said banks will now open on Sunday.',
    );
    expect(speakerOf(quoteWith(quotes, 'banks will now open'))).toBe('Sulman Bin Khalifa Al Khalifa');
  });

  it('reads ", said sole manager Velmont Lehman Brothers Inc." as an inverted attribution', () => {
    const { quotes, speakerOf } = run(
      'Tarnco Bank is offering 100 mln dlrs of notes due 1992, said sole manager Velmont Lehman Brothers Inc.',
    );
    expect(speakerOf(quoteWith(quotes, 'offering 100 mln'))).toBe('Velmont Lehman Brothers Inc');
  });

  it('does not give "the group" to the regulator named in the opening adverbial of its sentence', () => {
    const { quotes, speakerOf } = run(
      'In a filing with the Tarland Securities Commission, the group said it bought the stake for investment purposes.',
      ['Tarland Securities Commission'],
    );
    expect(speakerOf(quoteWith(quotes, 'bought the stake'))).not.toBe('Tarland Securities Commission');
  });
});

describe('"said the American" and clause openers', () => {
  it('gives "said the American" to a person the article makes American, never to an organisation', () => {
    const { quotes, speakerOf } = run(
      'Tarland beat Velmont 3-1. American Jon Brand scored twice. "It was a fine game," said the American.',
    );
    expect(speakerOf(quoteWith(quotes, 'fine game'))).toBe('Jon Brand');
  });

  it('takes no "Asked" for a speaker', () => {
    const { quotes } = run('Tomas Eberle spoke to the club. Asked, he said: "We will see."');
    expect(quotes.some((q) => q.speakerMention?.text === 'Asked')).toBe(false);
  });
});

describe('gallery captions and outlets as antecedents', () => {
  it('passes over the people and the credit of an "Open this photo in gallery" caption', () => {
    const text =
      'Open this photo in gallery Ada Lind, right, is shown in 2015 with Tomas Eberle. The Tarland Press.\n\n' +
      'Key to the party’s hopes is its promise on rebates. Almost all revenues, they promise, will be returned to families.';
    const { quotes, speakerOf } = run(text, ['The Tarland Press']);
    expect(speakerOf(quoteWith(quotes, 'will be returned'))).not.toMatch(
      /Tarland Press|Ada Lind|Tomas Eberle/,
    );
  });
});

describe('a caption opened by its credit', () => {
  it('passes over the people of "Ben Ros / The Tarn Press Ada Lind and Tomas Eberle at home."', () => {
    const text =
      'I am talking about Orla Fennick, who like Brannoc Teague grew up by the sea.\n\n' +
      'Ben Ros / The Tarn Press Ysolde Marrin and Tomas Eberle outside the harbour office.\n\n' +
      '"We repair every boat that comes in," says the 41-year-old owner of the yard.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'every boat'))).toBe('Orla Fennick');
  });
});

describe('a speaker named by first name only', () => {
  it('takes the later "she" of a first name with a person description', () => {
    const text =
      'The agency lost the forms of many parents. Michelle, a mother of twins, said she had not received a ' +
      'penny. "I am fed up with waiting," she said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'fed up with waiting'))).toBe('Michelle');
  });
});

describe('a surname several people of the article share', () => {
  it('takes no gender from a pronoun after the bare surname ("Janie Pelkin ... Pelkin was ... He died")', () => {
    const text =
      'The singer Jimi Pelkin grew up in the valley town. His father Al Pelkin still lives there. ' +
      "Janie Pelkin, the singer's stepsister, said the family hoped a road would be named after him. " +
      '"That is something my father really wanted," she said. "It would be nice not to fight for it." ' +
      'Pelkin was one of the finest singers of his time. He died in 1970.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'my father really wanted'))).toBe('Janie Pelkin');
    expect(speakerOf(quoteWith(quotes, 'not to fight for it'))).toBe('Janie Pelkin');
  });

  it('is listed by the mention index, so a bare "Tarvin" is never taken for a body ("it")', () => {
    const person = (localId: string, name: string): EntityRecord => ({
      localId,
      type: 'Person',
      name,
      aliases: [],
      mentions: [],
    });
    const index = buildMentionIndex([
      person('p1', 'Rune Tarvin'),
      person('p2', 'Sun Tarvin'),
      person('p3', 'Ada Lind'),
    ]);
    expect([...index.sharedSurnames]).toEqual(['tarvin']);
  });
});

describe('the body a pronoun or "the firm" refers to', () => {
  it('is no capitalised sentence opener the article writes in lower case ("Strong sales ...")', () => {
    const text =
      'Strong sales abroad helped the carmaker boost its profits. The firm said strong demand lifted its results.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'strong demand lifted'))).not.toBe('Strong');
  });
});

describe('a role description with a nationality', () => {
  it('goes to the holder of the role whose country the text leaves unsaid, named since ("his foreign minister, X")', () => {
    const text =
      'Norwegian President Amon Tarrow said on Wednesday that the talks could open the door to a truce, before his ' +
      'foreign minister, Ilkan Sorev, chaired the meeting.\n\n' +
      'Sorev called the meeting "civilized." "No miracles should be expected in one meeting," the Norwegian diplomat added.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'No miracles'))).toBe('Ilkan Sorev');
  });

  it('stays with the national named since the holder ("has written to Mr X" is no antecedent)', () => {
    const text =
      'Minister Hal Brune, the first minister, spoke on Monday. Norwegian MP Ada Corran has written to Mr Brune. ' +
      'The Norwegian opposition leader argued that the law had been broken.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'the law had been broken'))).toBe('Ada Corran');
  });
});

describe('Globe-style references', () => {
  it('gives "A spokesperson for Mr. X, NAME, said" to NAME, not to Mr. X', () => {
    const text =
      'Prime Minister Aldo Varrow spoke in Halifax. A spokesperson for Mr. Varrow, Emile Dutoit, said the ' +
      'government would not comment further.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'would not comment'))).toBe('Emile Dutoit');
  });

  it('does not give "the hospital" to a court named before', () => {
    const text =
      'Justice Miriam Holloway of the Tarnby Superior Court said the breach of trust was severe. ' +
      'The nurse wept as the sentence was read. The hospital said in a statement that it had tightened its controls.';
    const { quotes, speakerOf } = run(text, ['Tarnby Superior Court']);
    expect(speakerOf(quoteWith(quotes, 'tightened its controls'))).toBe('The hospital');
  });
});

describe('feature-story speakers', () => {
  it('reads "The mother of three says she ..." as a report, and "Her eldest daughter, Lina," as a person', () => {
    const text =
      'Amira Haddeh opened a catering firm in 2016. "The first year was very hard," Haddeh said.\n\n' +
      'Her eldest daughter, Lina, 17, helps out on weekends. She said her mother works harder than anyone.\n\n' +
      'The mother of three says she hopes to open a restaurant within five years.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'works harder than anyone'))).toBe('Lina');
    expect(quoteWith(quotes, 'hopes to open a restaurant').cue).toBe('says');
  });
});

describe('the subject of a participle cue', () => {
  it('is a plural person noun phrase opening the sentence ("And the judges ruled out ..., saying")', () => {
    const text =
      "The court ruled that Ilse Varga's death fell within the convention. And the judges ruled out an inquiry, " +
      'saying previous investigations were adequate. The lawyers paved the way for an appeal by saying the ruling was flawed.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'investigations were adequate'))).toBe('the judges');
    expect(speakerOf(quoteWith(quotes, 'the ruling was flawed'))).toBe('The lawyers');
  });
});

describe('the subject of the sentence before a pronoun', () => {
  it('is not a name inside a longer name ("the former Velmont University customer")', () => {
    const text =
      'Ivo Randek sued Hilda Varnes in 1991. "It really hurt," Randek said.\n\n' +
      'Like Tove, the former Varnes University customer, Randek does not want to fight Varnes again.\n\n' +
      '"I am 76 and tired," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'I am 76'))).toBe('Ivo Randek');
  });

  it('is not the subject of an "if" clause before the pronoun, unless the pronoun is in one too', () => {
    const text =
      'Ivo Randek does not feel the same way about taxes. If Tomas Varn does not win, he said he would pick Tove. ' +
      'Some cheer when Randek calls for lower taxes; some cheer when he insists that "the roads matter."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'would pick Tove'))).toBe('Ivo Randek');
    expect(speakerOf(quoteWith(quotes, 'the roads matter'))).toBe('Ivo Randek');
  });

  it('is not a person the quote names: people do not name themselves in what they say', () => {
    const text =
      'Ivo Randek will miss the tour, and Tomas Varn backed him. "I think Ivo\'s situation is down to the fixtures," he said. ' +
      '"We play too often," he added. Varn was asked about the coach. "It\'s his life and Varn respects that," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, "Ivo's situation"))).toBe('Tomas Varn');
  });

  it('is a person after an office title with "Whip"', () => {
    const text =
      '"Nothing was as outrageous," said Senate Minority Leader Hal M. Rudd.\n\n' +
      'Senate Majority Whip Ivo Randek responded by standing on the Senate floor.\n\n' +
      '"I will tell you what shameful is," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'shameful is'))).toBe('Ivo Randek');
  });
});

describe('a pronoun after a sentence opened by a description of a person', () => {
  it('is the person described, not the people named after it ("The 31-year-old was third behind X and Y")', () => {
    const text =
      'Jo Pavely will miss the race in January. The 31-year-old was third behind Ada Lind and Eva Bork last week ' +
      'but prefers to race on the track. "It was great winning bronze," she said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'winning bronze'))).toBe('Jo Pavely');
  });

  it('resolves the description as a speaker description is ("The prime minister shrugged off ... He said")', () => {
    const text =
      'Prime Minister Tomas Arden said he still admired Ivo Brandt. Ivo Brandt resigned last week. ' +
      '"He has been a tremendous colleague," Brandt\'s deputy Ola Stern said. ' +
      'The prime minister shrugged off claims from the opposition. He said: "The matter is closed."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'The matter is closed'))).toBe('Tomas Arden');
  });
});

describe('"it" after a body named only by a description', () => {
  it('is that description ("The company faces a hard task. It said ...")', () => {
    const { quotes, speakerOf } = run(
      'Velm launched its new chip. The company faces a hard task. It said it already had interest from customers.',
    );
    expect(speakerOf(quoteWith(quotes, 'already had interest'))).toBe('The company');
  });
});

describe('a capitalised name with "and" inside', () => {
  it('is one speaker ("Tarnex Refining and Marketing, a unit of Tarnex Inc, said")', () => {
    const { quotes, speakerOf } = run(
      'Tarnex Refining and Marketing, an operating subsidiary of Tarnex Inc, said it would stop posting prices.',
    );
    expect(speakerOf(quoteWith(quotes, 'stop posting prices'))).toBe('Tarnex Refining and Marketing');
  });
});

describe('tags and sources around a cue', () => {
  it('skips a bracketed tag between a subject and its cue ("Sen. X (D-Mo.) tweeted", "The company (NYSE: VLM) said")', () => {
    const text =
      'Sen. Clara Mossby (D-Mo.) tweeted: "The filibuster is over and the bill is dead." ' +
      'The company (NYSE: VLM) said profits would rise sharply next year.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'filibuster is over'))).toBe('Clara Mossby');
    expect(speakerOf(quoteWith(quotes, 'profits would rise'))).toBe('The company');
  });

  it('reads "From the report:" as the source of the quotation after it', () => {
    const { quotes, speakerOf } = run(
      'What the report does mean is simple. From the report: "Samples with more elaborate weighting produced better results."',
    );
    expect(speakerOf(quoteWith(quotes, 'elaborate weighting'))).toBe('the report');
  });
});

describe('a speaker named before ", who"', () => {
  it('is the name, not the words after "who" ("X, who has in the past described Y as "...""), for verbs of speech', () => {
    const text =
      'Many people miss it. Glen Beckman, who has in the past described Tom Rossi as "a pathological narcissist," ' +
      'spoke on Monday. Mr Blaine, who last year denied he planned to run, said the party was united.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'pathological narcissist'))).toBe('Glen Beckman');
    expect(speakerOf(quoteWith(quotes, 'he planned to run'))).toBe('Blaine');
  });
});

describe('a pronoun after "A <body> spokeswoman said"', () => {
  it('goes on with the body the spokeswoman spoke for, not a person named in her statement or before', () => {
    const text =
      'Tim Kashner has since been replaced as host. A Velmont spokeswoman said Andi Petra would stay as producer. ' +
      'She said that the format of the show was still to be decided.';
    const { quotes, speakerOf } = run(text, ['Velmont']);
    expect(speakerOf(quoteWith(quotes, 'would stay as producer'))).toBe('Velmont');
    expect(speakerOf(quoteWith(quotes, 'still to be decided'))).toBe('Velmont');
  });
});

describe('a description of a person nobody named', () => {
  it('is a speaker of its own that a later "he said" goes on with', () => {
    const text = 'The Veldish diplomat said the talks went well. "We are hopeful," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'talks went well'))).toBe('The Veldish diplomat');
    expect(speakerOf(quoteWith(quotes, 'We are hopeful'))).toBe('The Veldish diplomat');
  });

  it('is not what a later "the company" refers back to', () => {
    const text =
      'The Tarland attorney general said the messages broke three laws. ' +
      'The company named in the lawsuit denied any wrongdoing and said it complied with all relevant laws.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'broke three laws'))).toBe('The Tarland attorney general');
    expect(speakerOf(quoteWith(quotes, 'complied with all relevant laws'))).not.toBe(
      'The Tarland attorney general',
    );
  });
});

describe('a subject noun ending in "-ly"', () => {
  it('is kept whole, not dropped as an adverb ("the former monopoly said")', () => {
    const text =
      'Velcom Telecom offered to cut its wholesale prices. "Central to the proposals are lower prices," the former monopoly said.';
    const { quotes, speakerOf } = run(text, ['Velcom Telecom']);
    expect(speakerOf(quoteWith(quotes, 'Central to the proposals'))).toBe('Velcom Telecom');
  });
});

describe('a description before anyone is named', () => {
  it('stands for the person the next sentence introduces ("The watchdog\'s chairman has said ... . In a speech, X promised")', () => {
    const text =
      "The Tarland market watchdog's chairman has said he is willing to soften the new rules for foreign firms.\n\n" +
      'In a speech in Elmford, Ansel Ruud promised "several initiatives". Foreign firms have protested.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'willing to soften'))).toBe('Ansel Ruud');
  });

  it('is not a person named later when someone was named before it', () => {
    const text =
      'Ivo Brandt opened the session on Monday. The committee chairman said the rules would stay.\n\n' +
      'In a speech in Elmford, Ansel Ruud promised "several initiatives".';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'rules would stay'))).not.toBe('Ansel Ruud');
  });
});

describe('party words and institutional adjectives', () => {
  it('are no first name or surname ("Tory Parliamentary hopefuls X and Y")', () => {
    const text =
      'Harlan Mott is to make a pitch for the ethnic vote. ' +
      'But the Tory leader will argue against quotas, saying they are "outdated and unjust". ' +
      'He will speak during a visit to support Tory Parliamentary hopefuls Ivo Brandt and Ansel Ruud.';
    const { entities, quotes, speakerOf } = run(text);
    expect(entities.filter((e) => e.type === 'Person').map((e) => e.name)).not.toContain(
      'Tory Parliamentary',
    );
    expect(speakerOf(quoteWith(quotes, 'outdated and unjust'))).toBe('Harlan Mott');
  });
});

describe('an indefinite description named in the quotation after it', () => {
  it('is the speaker named there (\'A spokeswoman for X said ... . "...," said Y Z.\')', () => {
    const text =
      'Ivo Brandt spoke in Elmford on Monday. A spokeswoman for Brandt said he would not shy away from the fight.\n\n' +
      '"Voters clearly rejected that approach in the last election," said Selma Ruud. "It will fail again."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'shy away'))).toBe('Selma Ruud');
    expect(speakerOf(quoteWith(quotes, 'clearly rejected'))).toBe('Selma Ruud');
  });
});

describe('"he" after a sentence whose subject is "he"', () => {
  it('goes on with the person in focus, not a name that sentence holds as an object', () => {
    const text =
      'Tarland boss Harlan Mott is lining up a summer move for Elmland and Velmont striker Ivo Brandt.\n\n' +
      'He sees Brandt as the ideal replacement for Ansel Ruud, who is due to retire, although he hopes to persuade Ruud to stay. ' +
      '"Ivo would excite the fans," he told Radio Vell. "He is a great centre-forward."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'excite the fans'))).toBe('Harlan Mott');
    expect(speakerOf(quoteWith(quotes, 'great centre-forward'))).toBe('Harlan Mott');
  });

  it('keeps a title with "for" before a name as the subject ("deputy minister for women X ... and said")', () => {
    const text =
      "Party strategists believe women voters are key. Labour's deputy minister for women Selma Ruud accused the Ruralists " +
      'of offering "false promises" to women and said their sums did not add up.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'sums did not add up'))).toBe('Selma Ruud');
  });
});

describe('an indefinite description and the person named next', () => {
  it('is not that person when a title of another kind stands before the name ("A party spokesman said ... . Deputy minister X")', () => {
    const text =
      'Party strategists believe women voters are key. A party spokesman said it was courting female votes. ' +
      "The Ruralists' deputy minister for women Selma Ruud accused the party of offering false promises.";
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'courting female votes'))).not.toBe('Selma Ruud');
  });
});

describe('a name modifying a noun', () => {
  it('is no antecedent of "he said" ("An own goal followed by an Ansel Ruud strike earned them a win. "...," he said")', () => {
    const text =
      'Boss Harlan Mott felt Tarland were never really in danger of going out of the cup.\n\n' +
      'An early own goal followed by an Ansel Ruud strike earned them a 2-1 win. ' +
      '"Obviously winning the first leg gave us a great advantage," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'great advantage'))).toBe('Harlan Mott');
  });
});

describe('a wire dateline before the first subject', () => {
  it('leaves that subject in subject position ("ELMFORD, Tarl., June 1 - Velmont Inc said ... The company said")', () => {
    const text =
      'ELMFORD, Tarl., June 1 - Velmont Inc said it has agreed to acquire Corvin Labs Inc of Denby, a health group, for cash.\n\n' +
      'The company said the acquisition is subject to regulatory approvals.';
    const { quotes, speakerOf } = run(text, ['Velmont Inc', 'Corvin Labs Inc of Denby']);
    expect(speakerOf(quoteWith(quotes, 'regulatory approvals'))).toBe('Velmont Inc');
  });
});

describe('pronouns after unnamed speakers', () => {
  it('"she added" goes on with "A spokeswoman for X" and "They say" with "experts warned"', () => {
    const text =
      'A spokeswoman for Velmont Rights Watch said it was a "basic principle" that people should only be punished after a fair trial. ' +
      'She added: "Having a judge impose those punishments does not sanitise them."\n\n' +
      'The move could mean more confusion for consumers, experts warned. They say there are no guarantees the system will prevent piracy.\n\n' +
      'Labour sees it as a key issue but critics claim the record is at best patchy. A year ago, ministers launched their plan. They will say that more than 2,600 orders were issued.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'does not sanitise'))).toBe('A spokeswoman for Velmont Rights Watch');
    expect(speakerOf(quoteWith(quotes, 'no guarantees'))).toBe('experts');
    expect(speakerOf(quoteWith(quotes, '2,600 orders'))).not.toBe('critics');
  });
});

describe('"a spokeswoman for X said" and the pronoun after', () => {
  it('goes on with the body she speaks for, also two paragraphs on ("... , a company spokesman said. ... He said")', () => {
    const text =
      'The sugar has been refused by the board, a spokeswoman for the Velmont Ministry of Farming said.\n\n' +
      'She said the sugar could be offered again.\n\n' +
      'Elmford Life Co is pursuing a link with a securities house, a company spokesman said.\n\n' +
      'But he declined to comment on rumours.\n\n' +
      'He said the firm had started to sound out several houses.';
    const { quotes, speakerOf } = run(text, ['Velmont Ministry of Farming', 'Elmford Life Co']);
    expect(speakerOf(quoteWith(quotes, 'offered again'))).toBe('Velmont Ministry of Farming');
    expect(speakerOf(quoteWith(quotes, 'sound out several houses'))).toMatch(
      /company spokesman|Elmford Life Co/,
    );
  });
});

describe('offices and their qualifiers', () => {
  it('does not give "the prime minister" to the deputy prime minister, nor to the holder of another office', () => {
    const text =
      'Prime Minister Ivo Brandt met the chancellor at a dinner hosted by Deputy Prime Minister Karl Ames. ' +
      'But the prime minister said he had discussed these claims with the chancellor.\n\n' +
      'Mayor Ona Pell opened the bridge. Finance Secretary Lev Ostrow watched the crowd. ' +
      'The governor said the bridge was "a gift to the valley".';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'discussed these claims'))).toBe('Ivo Brandt');
    // nobody holds the governorship: neither the mayor nor the finance secretary is "the governor"
    expect(speakerOf(quoteWith(quotes, 'gift to the valley'))).not.toMatch(/Ona Pell|Lev Ostrow/);
  });

  it('reads "According to X the prime minister said: ..." as the prime minister\'s words', () => {
    const text =
      'Prime Minister Ivo Brandt dined with Olaf Renner in May. ' +
      'According to Mr Kessler the prime minister said: "Help me through the year and I will stand down."';
    const { quotes, speakerOf } = run(text);
    const q = quoteWith(quotes, 'Help me through');
    expect(q.speakerMention?.text).toBe('the prime minister');
    expect(speakerOf(q)).toBe('Ivo Brandt');
  });
});

describe('a name opening the sentence, then an appositive with clause words of its own', () => {
  it('gives "X, a maker of chips and phones, said" to X, not to the appositive', () => {
    const text =
      'Talks went on. KV, a leading maker of chips and phones, added that the new format was vital for its plans. ' +
      'But, a spokesman for the regulator, Ilse Varga, said no agreement had been made.';
    const { quotes } = run(text);
    expect(quoteWith(quotes, 'format was vital').speakerMention?.text).toBe('KV');
    expect(quoteWith(quotes, 'no agreement').speakerMention?.text).not.toBe('But');
  });
});

describe('reports, studies and papers as speakers', () => {
  it('gives a bare "the report" to the body a report was named by, and "It said" goes on with it', () => {
    const text =
      'Sales rose in May. A study by analysts Vantor Research suggested that broadband was changing viewing habits. ' +
      'The threat to TV was greatest in the UK, France and Spain, said the report. ' +
      'It said TV companies faced a major long-term threat.\n\n' +
      'The Kelso Partners report on housing found prices rose. The report added that rents remained strong in most districts.';
    const { quotes } = run(text);
    expect(quoteWith(quotes, 'changing viewing habits').speakerMention?.text).toBe('Vantor Research');
    // "CONTENT, said the report." is an inverted report too
    expect(quoteWith(quotes, 'threat to TV was greatest').speakerMention?.text).toBe('Vantor Research');
    expect(quoteWith(quotes, 'major long-term threat').speakerMention?.text).toBe('Vantor Research');
    expect(quoteWith(quotes, 'rents remained strong').speakerMention?.text).toBe('Kelso Partners');
  });

  it('reads "according to reports in the X trade newspaper" as X, and a capitalised "the X Reporter" as a body', () => {
    const text =
      'Ilse Varga is in talks to direct a new film, according to the Harbour Reporter.\n\n' +
      'Plans for a soap have been drawn up, according to reports in the Elm Gazette trade newspaper. ' +
      'It said scripts have been commissioned for a series.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'talks to direct'))).not.toBe('Ilse Varga');
    expect(quoteWith(quotes, 'talks to direct').speakerMention?.text).toMatch(/Harbour Reporter/);
    expect(quoteWith(quotes, 'soap have been drawn').speakerMention?.text).toBe('Elm Gazette');
    expect(quoteWith(quotes, 'scripts have been commissioned').speakerMention?.text).toBe('Elm Gazette');
  });
});

describe('the people around a person', () => {
  it('are not that person: "X aides say", "the X campaign said", "advisers to X say", "X fans told"', () => {
    const text =
      'Senator Hilda Varnes spoke in Ohio on Monday. Varnes aides say the tour will go on. ' +
      'The Varnes campaign said the bus had broken down. Advisers to Ms. Varnes say the polls are close. ' +
      'Varnes fans told reporters the speech was great. Her chief of staff, Ana Ruiz, said the route was set.';
    const { quotes, speakerOf } = run(text);
    for (const needle of ['tour will go on', 'bus had broken', 'polls are close', 'speech was great'])
      expect(speakerOf(quoteWith(quotes, needle))).not.toBe('Hilda Varnes');
    expect(quoteWith(quotes, 'tour will go on').speakerMention?.text).toBe('Varnes aides');
    expect(speakerOf(quoteWith(quotes, 'route was set'))).toBe('Ana Ruiz');
  });

  it('nor are "one X confidant", "a X campaign source", "X insiders"', () => {
    const text =
      'Senator Hilda Varnes spoke in Ohio on Monday. "It was a good day," said one Varnes confidant. ' +
      '"She is tired," one Varnes campaign source said. Varnes insiders said the bus would stop. ' +
      'A Varnes campaign spokesman said the claim was false.';
    const { quotes, speakerOf } = run(text);
    for (const needle of ['a good day', 'She is tired', 'bus would stop', 'claim was false'])
      expect(speakerOf(quoteWith(quotes, needle))).not.toBe('Hilda Varnes');
    expect(speakerOf(quoteWith(quotes, 'a good day'))).toBe('one Varnes confidant');
  });
});

describe('a group noun opening the sentence', () => {
  it('is a description, not a body named "People familiar" or "Sources familiar"', () => {
    const text =
      'Senator Hilda Varnes spoke on Monday. People familiar with her thinking say she will run. ' +
      'Sources familiar with the talks said the deal was over. The Department of Tarland said it was not.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'she will run'))).toBe('People familiar with her thinking');
    expect(quoteWith(quotes, 'she will run').speakerMention?.text).toBe('People familiar with her thinking');
    expect(speakerOf(quoteWith(quotes, 'deal was over'))).toBe('Sources familiar with the talks');
    const names = extractDocument({ id: 'a', text }).entities.map((e) => e.name);
    expect(names).toContain('Department of Tarland');
    expect(names.filter((n) => /^(?:People|Sources) familiar$/.test(n))).toEqual([]);
  });
});

describe('an outlet that acts', () => {
  it('is what "it" goes on with when it is the subject of the sentence before', () => {
    const text =
      'Talks went on. The Harbour Times ran an editorial on Sunday. It attacked the mayor, saying he was unfit for office.';
    const { quotes, speakerOf } = run(text, ['Harbour Times']);
    expect(speakerOf(quoteWith(quotes, 'unfit for office'))).toBe('Harbour Times');
  });
});

describe('a pronoun after a sentence that opens with an adverbial clause', () => {
  it('goes on with the main clause subject, not a subject inside the opening clause', () => {
    const text =
      'Ivo Brandt spoke at the summit on Monday. Asked whether he feared that Karl Ames, the opposition leader, could win the vote, Brandt demurred. ' +
      '"There is just one science," he said.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'one science'))).toBe('Ivo Brandt');
  });
});

describe('the narrator or announcer of an ad', () => {
  it('is someone unnamed, not the person in focus', () => {
    const text =
      'Ivo Brandt has a new ad. "He will sell the country," says the ad\'s narrator. The announcer says the senator lied.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'sell the country'))).not.toBe('Ivo Brandt');
    expect(speakerOf(quoteWith(quotes, 'senator lied'))).not.toBe('Ivo Brandt');
  });
});

describe('a name the writer set off badly', () => {
  it('reads a soft hyphen after a space as nothing', () => {
    const text = '"We were not told," Ines \u00adKarlsson, a spokeswoman for the mayor, told the Ledger.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'not told'))).toBe('Ines Karlsson');
  });

  it('keeps the speaker before an open appositive that names an office holder', () => {
    const text =
      '"We have not been briefed," Ines Karlsson, a spokeswoman for Council Leader Otto Brandvik told the Ledger.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'not been briefed'))).toBe('Ines Karlsson');
  });
});

describe('authors and their bodies', () => {
  it('gives "calculations by X of the Y Institute" to X, "a study by the Y Institute" to the body', () => {
    const text =
      'Rents rose 9% last year, according to calculations by Mira Tolland of the Harbour Policy Institute. ' +
      'Wages in the port fell by a tenth last year, according to a study by the Harbour Policy Institute.';
    const { quotes, speakerOf } = run(text, ['Harbour Policy Institute']);
    expect(speakerOf(quoteWith(quotes, 'Rents rose'))).toBe('Mira Tolland');
    expect(speakerOf(quoteWith(quotes, 'Wages in the port'))).toBe('Harbour Policy Institute');
  });

  it('gives "who said" after an appositive with a place to the person the appositive describes', () => {
    const text =
      '"It worries me," said Anton Weiler, a dentist from Marlow, Kent County, who said he knew the family.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'knew the family'))).toBe('Anton Weiler');
  });
});

describe('an inverted cue after an adjunct that goes on from the quotation', () => {
  it('gives the quotation to the name after the cue, not to an earlier speaker', () => {
    const text =
      'Otto Brandvik opened the campaign on Monday. ' +
      '"These groups have been setting the table for voters," in sharp contrast to earlier years when parties did that, says Mira Tolland, a historian.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'setting the table'))).toBe('Mira Tolland');
  });
});

describe('a relative named by kinship', () => {
  it('is the person introduced as that relative next, never the possessor or the person before', () => {
    const text =
      'As Otto Brandvik began attacking Ilse Marner on Monday, his son said the fight had only begun. ' +
      'Tomas Brandvik, son of the front-runner, spoke on breakfast television.';
    const { quotes, speakerOf, entities } = run(text);
    expect(speakerOf(quoteWith(quotes, 'only begun'))).toBe('Tomas Brandvik');
    // ("Ilse Marner, his son said" is no appositive: she is not the son)
    expect(entities.find((e) => e.name === 'Ilse Marner')?.gender).not.toBe('male');
  });

  it('is someone unnamed when the article names no such relative', () => {
    const text = 'Otto Brandvik left the stage. "They are still with you," his wife whispered to him.';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'still with you'))).toBe('his wife');
  });
});

describe('a transcript', () => {
  it('gives each quoted turn to the person its capitalised label names', () => {
    const text =
      'Ilse Marner answered the moderator on Wednesday. Partial transcript as follows:\n\n' +
      '"BRANDT: Senator, did you lie to them?\n\n' +
      '"MARNER: I feel a great deal of sympathy for the families, but she is wrong."';
    const { quotes, speakerOf } = run(text);
    expect(speakerOf(quoteWith(quotes, 'great deal of sympathy'))).toBe('Ilse Marner');
    expect(speakerOf(quoteWith(quotes, 'did you lie'))).toMatch(/^brandt$/i);
  });
});
