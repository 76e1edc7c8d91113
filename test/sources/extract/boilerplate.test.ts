import { describe, expect, it } from 'vitest';
import { dropBoilerplate } from '../../../src/sources/extract/boilerplate.js';

describe('dropBoilerplate', () => {
  it('GIVEN ad labels, datelines, bylines, credits and copyright lines THEN only the story lines remain', () => {
    const text = [
      'By Jo Ferris',
      'Updated 5:27 am, Wednesday, March 4, 2031',
      'The harbour authority voted to close the old ferry pier.',
      'Advertisement',
      'Divers at work under the pier on Monday. Photo: Courier staff',
      'Ferries will dock at the cargo quay from next week.',
      '© 2031 The Wexley Courier. All rights reserved.',
    ].join('\n\n');
    expect(dropBoilerplate(text)).toBe(
      'The harbour authority voted to close the old ferry pier.\n\nFerries will dock at the cargo quay from next week.',
    );
  });

  it('GIVEN story sentences that merely mention photos, updates or bylines THEN they are kept', () => {
    const text = [
      'By noon the crowd had grown to several thousand people, police said.',
      'Updated figures released on Friday show the deficit narrowing for a third year in a row, the ministry said in its report to parliament, which it publishes every spring.',
      'The museum bought the photo: a print of the harbour made in 1911 by an unknown sailor.',
    ].join('\n\n');
    expect(dropBoilerplate(text)).toBe(text);
  });

  it('GIVEN a furniture line inside a paragraph of <br> lines THEN only that line goes', () => {
    expect(dropBoilerplate('First line of the poem\nAdvertisement\nSecond line of the poem')).toBe(
      'First line of the poem\nSecond line of the poem',
    );
  });
});
