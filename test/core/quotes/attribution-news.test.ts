import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract.js';
import type { Quote } from '../../../src/core/types.js';

// Attribution rules that hold across news writing, each with an invented example.

const none = { title: null, lede: '' };

/** The quote whose words begin with `begins`, with its speaker's mention as text. */
function quote(text: string, begins: string): Quote & { said: string | null } {
  const q = extractQuotes(text, none).find((x) => x.text.startsWith(begins));
  if (!q) throw new Error(`no quote begins "${begins}"`);
  const m = q.speaker.mention;
  return { ...q, said: m ? text.slice(m.start, m.end) : null };
}

describe('extractQuotes: who speaks, in the grammar of news', () => {
  it('GIVEN "...," the report stated THEN the report speaks ("report" after "the" is no verb)', () => {
    const text = '“Water use rose by a third,” the report stated. “Wells are running dry.”';
    expect(quote(text, 'Water use').said).toBe('the report');
    expect(quote(text, 'Wells are').said).toBe('the report');
  });

  it('GIVEN "...," the ministry said THEN a noun with an article speaks, whatever the noun', () => {
    const text = 'Tariffs rose again.\n\n“Outsiders should not interfere,” the ministry said in a statement.';
    const q = quote(text, 'Outsiders');
    expect(q.said).toBe('the ministry');
    expect(q.speaker.name).toBeNull();
  });

  it('GIVEN a passive verb after a quote THEN its subject is not the speaker', () => {
    const text =
      'Okafor says the port will “compete hard for the contract.” The port’s decision was first reported by the Herald.';
    expect(quote(text, 'compete hard').said).not.toBe('The port’s decision');
  });

  it('GIVEN a quoted phrase in a later sentence with a subject of its own THEN the last speaker does not go on', () => {
    const text =
      '“We can win this,” the letter read. It claimed that the mayor was “rattled by the polls” and weak.';
    expect(quote(text, 'We can win').said).toBe('the letter');
    expect(quote(text, 'rattled').said).not.toBe('the letter');
  });

  it('GIVEN an intro phrase before the subject ("Hours later,") THEN the subject after it speaks', () => {
    const text =
      'Lena Okafor spoke first.\n\nHours later, Okafor thanked the crews, telling reporters, “They saved the harbor.”';
    const q = quote(text, 'They saved');
    expect(q.said).toBe('Okafor');
    expect(q.speaker.name).toBe('Lena Okafor');
  });

  it('GIVEN a dateline before the subject THEN the dateline is no speaker', () => {
    const text = 'LAKEPORT (NDW) — Mayor Ana Ruiz has urged calm, saying “the water is safe to drink.”';
    const q = quote(text, 'the water');
    expect(q.speaker.name).toBe('Ana Ruiz');
  });

  it('GIVEN a sentence opening with "This" THEN "This" is not taken for a name', () => {
    const text = 'The vote slipped a week. This prompted the paper to print a front page saying “Vote now!”';
    expect(quote(text, 'Vote now').speaker.name).not.toBe('This');
  });

  it('GIVEN a sentence ending in a colon with no reporting verb THEN its subject speaks', () => {
    const text = 'The crowd chanted her name. Ruiz waited, then leaned in and boomed: “We rebuild in May.”';
    expect(quote(text, 'We rebuild').said).toBe('Ruiz');
  });

  it('GIVEN a name just before a colon THEN the name speaks, unless a preposition governs it', () => {
    const text =
      'Turnout surprised Lakeport pollster Dana Lee: “Nobody saw the young voters coming.” ' +
      'The council sent a blunt message to Mayor Ruiz: “Fix the bridge first.”';
    expect(quote(text, 'Nobody saw').speaker.name).toBe('Dana Lee');
    expect(quote(text, 'Fix the bridge').speaker.name).not.toBe('Ruiz');
  });

  it('GIVEN a sentence that says who speaks, then a quote alone THEN that speaker is credited', () => {
    const text =
      'The recount was refused. Sam Okafor, the party chairman, said in a statement. “There are no paper ballots to count.”';
    expect(quote(text, 'There are no').speaker.name).toBe('Sam Okafor');
  });

  it('GIVEN any verb after a quote and its comma THEN the subject, or the name after the verb, speaks', () => {
    const text =
      'The ferry was late again.\n\n“Go back to the harbor,” Ruiz barked at the crew.\n\n' +
      '“This is fantastic!” beamed Dana Lee of Lakeport, who had waited all day.';
    expect(quote(text, 'Go back').said).toBe('Ruiz');
    expect(quote(text, 'This is fantastic').said).toBe('Dana Lee');
  });

  it('GIVEN "it" or "his wife" after a quote and its comma THEN they speak', () => {
    const text =
      '“The vote was never fair,” it read.\n\n“He needs to come home,” his wife wrote in a letter to the court.';
    expect(quote(text, 'The vote').said).toBe('it');
    expect(quote(text, 'He needs').said).toBe('his wife');
  });

  it('GIVEN a quote, words of its sentence, then ", said NAME" THEN the name speaks', () => {
    const text =
      'The union voted on Monday. “We are extremely happy” about the vote, said Ana Ruiz, its director.';
    expect(quote(text, 'We are extremely').speaker.name).toBe('Ana Ruiz');
  });

  it('GIVEN a quoted phrase inside the next sentence of the paragraph THEN the last speaker does not go on', () => {
    const text = '“We are ready,” Ruiz said. Critics called the plan “a waste of money” and left the hall.';
    expect(quote(text, 'a waste').speaker.name).not.toBe('Ruiz');
  });

  it('GIVEN an adverb in "-ly" or a relative clause between subject and verb THEN the subject speaks', () => {
    const text =
      'The budget passed.\n\nRuiz angrily said, “This is a budget for nobody.”\n\n' +
      'The plan won support from Dana Lee, who declared in the hall, “We will build the road.”\n\n' +
      'A flabbergasted Okafor quipped, “That is a bridge to nowhere.”';
    expect(quote(text, 'This is a budget').said).toBe('Ruiz');
    expect(quote(text, 'We will build').speaker.name).toBe('Dana Lee');
    expect(quote(text, 'That is a bridge').said).toBe('Okafor');
  });

  it('GIVEN "the official" or "the candidate" before a reporting verb THEN that person speaks', () => {
    const text =
      'The port closed.\n\nA city official said, “The cranes are unsafe.”\n\nThe candidate added, “I would reopen it.”';
    expect(quote(text, 'The cranes').said).toBe('A city official');
    expect(quote(text, 'I would').said).toBe('The candidate');
  });

  it('GIVEN "went on to say," or a long subject before the verb THEN the sentence subject speaks', () => {
    const text =
      'The ferry sank.\n\nDana Lee went on to say, “Nobody checked the hull.”\n\n' +
      'Another source familiar with her thinking said, “She will run again.”';
    expect(quote(text, 'Nobody checked').said).toBe('Dana Lee');
    expect(quote(text, 'She will run').said).toBe('Another source');
  });

  it('GIVEN a past verb with its particle before a quote ("pointed out," "shot back:") THEN its subject speaks', () => {
    const text =
      'The ferry sank.\n\nRuiz pointed out, “The hull was old.”\n\nOkafor shot back: “It passed every test.”';
    expect(quote(text, 'The hull').said).toBe('Ruiz');
    expect(quote(text, 'It passed').said).toBe('Okafor');
  });

  it('GIVEN a date with its year before the subject ("On July 6, 2015,") THEN the year is no speaker', () => {
    const text =
      'The ferry sank.\n\nOn July 6, 2015, Ruiz made the following comment: “Nobody checked the hull.”';
    expect(quote(text, 'Nobody checked').said).toBe('Ruiz');
  });

  it('GIVEN a verb and its particle inside the sentence ("were handed out") THEN its subject does not speak', () => {
    const text = 'Lee said in a statement, adding that the passes were handed out “like candy.”';
    expect(quote(text, 'like candy').said).not.toBe('the passes');
  });

  it('GIVEN a relative clause ("Lee, who has said") THEN "who" attributes the quote and the name speaks', () => {
    const text =
      'The pact was signed.\n\nCritics include Dana Lee, who has said the pact is “a disaster for farmers.”';
    const q = quote(text, 'a disaster');
    expect(q.said).toBe('who');
    expect(q.speaker.name).toBe('Dana Lee');
  });

  it('GIVEN "called X “...”" or "calling X “...”" THEN the one who names it speaks, not who it names', () => {
    const text =
      'The bridge reopened.\n\nRuiz called the delay “a disgrace to the city.”\n\n' +
      'Dana Lee went after Okafor, calling him “a total failure.”\n\nThe union called on members to be “patient.”';
    expect(quote(text, 'a disgrace').said).toBe('Ruiz');
    expect(quote(text, 'a total failure').said).toBe('Dana Lee');
    expect(quote(text, 'patient').said).not.toBe('The union');
  });

  it('GIVEN "Likewise," or "Alongside ..." before the subject THEN the intro word is no speaker', () => {
    const text =
      'Fares rose.\n\nLikewise, a study from the port authority had this to say: “Ferries lose money in winter.”';
    expect(quote(text, 'Ferries lose').speaker.name).not.toBe('Likewise');
  });

  it('GIVEN a role in lower case between capitals ("Former Lakeport harbor master Dana Lee") THEN the whole name speaks', () => {
    const text =
      'Fares rose.\n\nFormer Lakeport harbor master Dana Lee thanked the crews, saying “Nobody was hurt.”';
    expect(quote(text, 'Nobody was').speaker.name).toBe('Dana Lee');
  });

  it('GIVEN "the tycoon told Harbor Weekly in an interview." before a quote THEN the paper told is not the speaker', () => {
    const text =
      'The ferry returned.\n\n“We fixed the hull,” the tycoon told Harbor Weekly in an interview. “It took a month.”';
    expect(quote(text, 'It took').said).not.toBe('Harbor Weekly');
    expect(quote(text, 'It took').said).toBe('the tycoon');
  });

  it('GIVEN "As Ruiz put it:" before a quote THEN Ruiz speaks', () => {
    const text = 'The ferry returned.\n\nAs Ruiz put it: “Nobody will ride a boat that sinks.”';
    expect(quote(text, 'Nobody will').said).toBe('Ruiz');
  });

  it('GIVEN "Lee continued, saying, “...”" THEN the subject before the comma speaks', () => {
    const text =
      'The ferry sank.\n\nThe former Lakeport mayoral candidate continued, saying, “Nobody checked the hull for years.”';
    expect(quote(text, 'Nobody checked').said).toBe('The former Lakeport mayoral candidate');
  });

  it('GIVEN "The next day," before the subject THEN the subject after the time phrase speaks', () => {
    const text =
      'The ferry sank.\n\nThe next day, her Twitter account posted: “All ferries are cancelled today.”';
    expect(quote(text, 'All ferries').said).toBe('her Twitter account');
  });

  it('GIVEN "It added, “...”" after a company spoke THEN "It" is the mention, with no name guessed', () => {
    const text = 'The ferry company denied the report. It added, “We want no part in the listing.”';
    const q = quote(text, 'We want');
    expect(q.said).toBe('It');
    expect(q.speaker.name).not.toBe('The ferry company denied');
  });

  it('GIVEN a show named after a possessive or "on" ("on WKRP’s “Morning Show,” Lee said") THEN the title is nobody’s words', () => {
    const text = 'The vote is near.\n\nOn WKRP’s “Morning Show,” Sen. Dana Lee said she would run.';
    expect(quote(text, 'Morning Show').speaker.mention).toBeNull();
  });

  it('GIVEN "More from Dana Lee:" before a quote THEN Dana Lee speaks, while "a message to Ruiz:" does not make Ruiz speak', () => {
    const text =
      'Fares rose.\n\nMore from Dana Lee: “The ferries lose money every winter.”\n\n' +
      'The union sent a message to Ruiz: “Keep the ferries running all year.”';
    expect(quote(text, 'The ferries lose').said).toBe('Dana Lee');
    expect(quote(text, 'Keep the ferries').said).not.toBe('Ruiz');
  });
});
