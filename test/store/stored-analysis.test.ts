import { describe, expect, it } from 'vitest';
import { packAnalysis, unpackAnalysis } from '../../src/store/stored-analysis.js';
import { BORDER_A, analysis } from './fixtures.js';

describe('stored analysis', () => {
  it('GIVEN sentences cut from the body THEN they are stored as offsets and read back the same', () => {
    const packed = packAnalysis(BORDER_A);
    expect(packed).not.toContain('"sentences"');
    expect(packed.length).toBeLessThan(JSON.stringify(BORDER_A).length);
    expect(unpackAnalysis(JSON.parse(packed))).toEqual(BORDER_A);
  });

  it('GIVEN a sentence not found in the body, or a row stored with its sentences THEN the text is kept', () => {
    const odd = { ...analysis('T', 'Lede here.'), sentences: ['Lede here.', 'Not in the body.'] };
    expect(unpackAnalysis(JSON.parse(packAnalysis(odd)))).toEqual(odd);
    expect(unpackAnalysis(JSON.parse(JSON.stringify(BORDER_A)))).toEqual(BORDER_A);
  });
});
