import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/core/text/clean.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'articles');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

describe('cleanArticle', () => {
  it('GIVEN breadcrumb, category line, repeated headline and byline THEN the headline is found and the body starts with the story', () => {
    const text = [
      'Home » World » Harbour Strike Ends After Nine Days',
      'World News Business Labour',
      '',
      'Harbour Strike Ends After Nine Days',
      '',
      'By Ana Ruiz, Harbour Desk',
      '',
      'VALPARAISO, Chile (NDW) — Dock workers returned to work on Monday after the port agreed to a 7% pay rise.',
      '',
      'The strike had held up about 300 containers a day.',
      '',
      'Share this article Print',
      'Source : harbour-wire',
    ].join('\n');
    const cleaned = cleanArticle(text);
    expect(cleaned.title).toBe('Harbour Strike Ends After Nine Days');
    expect(cleaned.paragraphs).toEqual([
      'Dock workers returned to work on Monday after the port agreed to a 7% pay rise.',
      'The strike had held up about 300 containers a day.',
    ]);
  });

  it('GIVEN a headline repeated at the top without a breadcrumb THEN it is the title and appears once in no paragraph', () => {
    const text =
      'Storm Closes Schools\nLast updated at 4:10 PM on 3rd June 2025\n\nStorm Closes Schools\n\nA storm closed every school in the city on Tuesday.';
    const cleaned = cleanArticle(text);
    expect(cleaned.title).toBe('Storm Closes Schools');
    expect(cleaned.paragraphs).toEqual(['A storm closed every school in the city on Tuesday.']);
  });

  it('GIVEN a single short line above the story THEN it is taken as the headline', () => {
    const cleaned = cleanArticle(
      'Rail Fares Frozen for a Year\n\nThe transport ministry froze rail fares on Monday.',
    );
    expect(cleaned.title).toBe('Rail Fares Frozen for a Year');
    expect(cleaned.paragraphs).toEqual(['The transport ministry froze rail fares on Monday.']);
  });

  it('GIVEN a headline passed in THEN it is returned and its copy in the text is dropped', () => {
    const cleaned = cleanArticle('Bridge Reopens\n\nThe bridge reopened on Monday.', 'Bridge Reopens');
    expect(cleaned.title).toBe('Bridge Reopens');
    expect(cleaned.paragraphs).toEqual(['The bridge reopened on Monday.']);
  });

  it('GIVEN a one-line scraped story with byline and stamps inline THEN there is no title and the furniture is gone', () => {
    const text =
      'By . Jane Roe . PUBLISHED: . 08:15 EST, 12 May 2025 . | . UPDATED: . 10:02 EST, 12 May 2025 . The clinic opened on Monday. It treats 200 patients a day.';
    const cleaned = cleanArticle(text);
    expect(cleaned.title).toBeNull();
    expect(cleaned.paragraphs).toEqual(['The clinic opened on Monday. It treats 200 patients a day.']);
  });

  it('GIVEN a paragraph hard-wrapped over several lines THEN it is joined into one paragraph', () => {
    const text =
      'The council voted on Tuesday to spend\n40 million crowns on the bridge.\nWork starts in April.';
    expect(cleanArticle(text).paragraphs).toEqual([
      'The council voted on Tuesday to spend 40 million crowns on the bridge.',
      'Work starts in April.',
    ]);
  });

  it('GIVEN a dateline-like phrase later in the story THEN it is left alone', () => {
    const text = 'The mayor spoke first.\n\nLATER — after the vote — the council adjourned.';
    expect(cleanArticle(text).paragraphs).toEqual([
      'The mayor spoke first.',
      'LATER — after the vote — the council adjourned.',
    ]);
  });

  it('GIVEN the sample articles THEN no furniture survives into the body', () => {
    const furniture =
      /Home »|Share this|Print this|Source :|Tags:|PUBLISHED|Last updated|Scroll down|By \.|\(NDW\)|Email \|/;
    for (const name of [
      'sample-lakeport-bridge.txt',
      'sample-danube-flood.txt',
      'sample-accra-vaccines.txt',
      'sample-mekong-drought.txt',
      'sample-andes-mine.txt',
      'sample-fiji-cyclone.txt',
    ]) {
      const cleaned = cleanArticle(fixture(name));
      expect(cleaned.paragraphs.join('\n'), name).not.toMatch(furniture);
      expect(cleaned.paragraphs[0], name).toMatch(/^[A-Z]/);
    }
  });
});
