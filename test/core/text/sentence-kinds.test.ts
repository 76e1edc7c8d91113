import { describe, expect, it } from 'vitest';
import { isCaption, isDependent, isQuestion, isQuotation } from '../../../src/core/text/sentence-kinds.js';

describe('sentence kinds', () => {
  it('GIVEN picture captions THEN they are recognised', () => {
    expect(
      isCaption('Health workers prepare doses at a clinic in Tamale (pictured) ahead of the campaign .'),
    ).toBe(true);
    expect(isCaption('Flooded: A street in the old town of Novi Sad on Wednesday .')).toBe(true);
  });

  it('GIVEN a sentence with a colon that introduces speech or a list THEN it is not a caption', () => {
    expect(isCaption("The mayor said: 'We will rebuild the bridge.'")).toBe(false);
    expect(isCaption('Officials in three cities reported damage: roofs, roads and power lines.')).toBe(false);
  });

  it('GIVEN questions THEN they are recognised, with or without closing quotes', () => {
    expect(isQuestion('Will the rains come in time?')).toBe(true);
    expect(isQuestion('"Who pays for this?"')).toBe(true);
    expect(isQuestion('Nobody asked why.')).toBe(false);
  });

  it('GIVEN quotations and the second sentence of a quotation THEN they are recognised', () => {
    expect(isQuotation('"We are ready," she said.')).toBe(true);
    expect(isQuotation('We had two hours," said the chief.')).toBe(true);
    expect(isQuotation('They are not rare any more,” said a farmer.')).toBe(true);
    expect(isQuotation('The chief said the water came "faster than expected" on Monday.')).toBe(false);
  });
});

describe('dependent sentences', () => {
  it('GIVEN sentences opening with a pronoun or a linking word THEN they are dependent, and named subjects are not', () => {
    expect(isDependent("He's been accused of many things.")).toBe(true);
    expect(isDependent('But the minister disagreed.')).toBe(true);
    expect(isDependent('Theresa Ruiz was elected on Sunday.')).toBe(false);
    expect(isDependent('Thousands marched in the capital.')).toBe(false);
  });
});
