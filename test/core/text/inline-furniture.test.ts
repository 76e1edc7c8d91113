import { describe, expect, it } from 'vitest';
import {
  joinBrokenLines,
  stripInlineFurniture,
  stripLeadingFurniture,
  stripPromos,
} from '../../../src/core/text/inline-furniture.js';

describe('furniture inside the first paragraph', () => {
  it('GIVEN a dotted byline with PUBLISHED and UPDATED stamps THEN the text starts at the story', () => {
    const text =
      'By . Staff Reporter . PUBLISHED: . 09:12 EST, 3 March 2025 . | . UPDATED: . 11:40 EST, 3 March 2025 . The council voted on Tuesday.';
    expect(stripLeadingFurniture(text)).toBe('The council voted on Tuesday.');
  });

  it('GIVEN a plain byline followed by an agency dateline THEN both go', () => {
    expect(stripLeadingFurniture('By Jane Roe, CNN (CNN) -- Rain fell across the plains.')).toBe(
      'Rain fell across the plains.',
    );
  });

  it('GIVEN "Last updated at" THEN the stamp goes', () => {
    expect(stripLeadingFurniture('Last updated at 3:31 PM on 19th July 2011 . A storm hit the coast.')).toBe(
      'A storm hit the coast.',
    );
  });

  it.each([
    ['PRISTINA, Kosovo (AP) — NATO said on Monday it would send more troops.'],
    ['(CNN) -- NATO said on Monday it would send more troops.'],
    ['LONDON (Reuters) - NATO said on Monday it would send more troops.'],
    ['Canberra, Australia (CNN) -- NATO said on Monday it would send more troops.'],
    ['WASHINGTON — NATO said on Monday it would send more troops.'],
  ])('GIVEN the dateline in %s THEN it goes', (text) => {
    expect(stripLeadingFurniture(text)).toBe('NATO said on Monday it would send more troops.');
  });

  it('GIVEN prose that opens with "By" THEN it is kept', () => {
    const text = 'By Tuesday the river had risen another metre.';
    expect(stripLeadingFurniture(text)).toBe(text);
  });

  it('GIVEN a dotted byline after a caption mid-text THEN it goes and the caption stays', () => {
    const text =
      'A farmer inspects his field . By . Jane Roe . PUBLISHED: . 07:21 EST, 28 December 2012 . | . UPDATED: . 07:32 EST, 29 December 2012 . Rain returned on Monday.';
    expect(stripInlineFurniture(text)).toBe('A farmer inspects his field . Rain returned on Monday.');
  });

  it('GIVEN calls to action between sentences THEN they go', () => {
    expect(stripPromos('The storm passed. Scroll down for video . Power returned on Friday.')).toBe(
      'The storm passed. Power returned on Friday.',
    );
    expect(stripPromos('The storm passed. Click here to read more about the storm. Power returned.')).toBe(
      'The storm passed. Power returned.',
    );
  });

  it('GIVEN a line break flattened into " . " inside a sentence THEN the sentence is rejoined', () => {
    expect(joinBrokenLines('Two lawyers representing a woman who . claims to know him filed suit.')).toBe(
      'Two lawyers representing a woman who claims to know him filed suit.',
    );
    expect(joinBrokenLines('The caption ends here . The story goes on.')).toBe(
      'The caption ends here . The story goes on.',
    );
  });
});
