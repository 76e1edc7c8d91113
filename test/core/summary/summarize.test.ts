import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/core/summary/summarize.js';

const STORY = [
  'Serbian authorities evacuated 6,000 people from villages along the Danube on Wednesday after the river breached an embankment.',
  'The breach flooded farmland north of Novi Sad and cut the main road to the Hungarian border.',
  'Serbian authorities evacuated about 6,000 people from the Danube villages on Wednesday when the river breached an embankment.',
  'Flooded: A street in Kovilj on Wednesday .',
  'Who will pay for the repairs?',
  'Army engineers built a second line of sandbags around Kovilj, where water reached the first floors of houses.',
  'Hungary said river levels upstream had begun to fall, which could ease pressure on the embankments.',
  'Hydrologists said the embankments, built in the 1970s, were never designed for heavier spring rains.',
  'The weather was mild.',
  'Meteorologists expect more rain over the Carpathians next week.',
];

describe('summarize', () => {
  it('GIVEN a count THEN exactly that many sentences come back, in article order', () => {
    for (const n of [1, 3, 5]) {
      const summary = summarize({ title: null, sentences: STORY }, n);
      expect(summary).toHaveLength(n);
      const positions = summary.map((s) => STORY.indexOf(s));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('GIVEN a sentence that repeats an earlier one THEN only one of them is chosen', () => {
    const summary = summarize({ title: null, sentences: STORY }, 4);
    expect(summary).toContain(STORY[0]);
    expect(summary).not.toContain(STORY[2]);
  });

  it('GIVEN captions and questions THEN they are never chosen while news sentences remain', () => {
    const summary = summarize({ title: null, sentences: STORY }, 6);
    expect(summary).not.toContain(STORY[3]);
    expect(summary).not.toContain(STORY[4]);
  });

  it('GIVEN a headline THEN sentences about it are preferred to position alone', () => {
    const sentences = [
      'The city council met on Monday evening for its regular session.',
      'Members discussed parking rules and the new library hours for the winter.',
      'A delegation from the twin town of Ostrava attended the session.',
      'Late in the session, the council voted to close the Old Mill bridge to heavy trucks after engineers found cracks.',
    ];
    const summary = summarize(
      { title: 'Council Closes Old Mill Bridge to Trucks After Cracks Found', sentences },
      1,
    );
    expect(summary).toEqual([sentences[3]]);
  });

  it('GIVEN more than 31 sentences asked for THEN the picks agree with a shorter summary of the same story', () => {
    // 40 sentences: STORY four times, each copy's sentences made distinct by a place of its own.
    const places = ['Kovilj', 'Titel', 'Apatin', 'Bezdan'];
    const long = places.flatMap((p) => STORY.map((s) => s.replace(/[.?]$/, ` near ${p}$&`)));
    const few = summarize({ title: null, sentences: long }, 30);
    const many = summarize({ title: null, sentences: long }, 34);
    expect(many).toHaveLength(34);
    // The greedy choice is the same whatever the count: the first 30 picks are still there.
    for (const s of few) expect(many).toContain(s);
    const positions = many.map((s) => long.indexOf(s));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('GIVEN fewer sentences than asked THEN all of them come back once', () => {
    const sentences = ['The council met.', 'It approved the budget.'];
    expect(summarize({ title: null, sentences }, 3)).toEqual(sentences);
  });
});
