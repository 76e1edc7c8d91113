import { describe, expect, it } from 'vitest';
import {
  breadcrumbTail,
  isBoilerplateLine,
  isBreadcrumb,
  isBylineLine,
  isCategoryLine,
  isShareLine,
  isSourceTrailer,
  isTimestampLine,
} from '../../../src/core/text/boilerplate-lines.js';

describe('boilerplate lines', () => {
  it('GIVEN breadcrumbs THEN they are furniture and the last segment is the headline', () => {
    expect(isBreadcrumb('Home » Europe » Floods Hit Northern Serbia')).toBe(true);
    expect(isBreadcrumb('News > Politics > Elections')).toBe(true);
    expect(breadcrumbTail('Home » Europe » Floods Hit Northern Serbia')).toBe('Floods Hit Northern Serbia');
    expect(isBreadcrumb('Prices rose 4% / year, the bank said in its report on Monday.')).toBe(false);
  });

  it('GIVEN category and tag lines THEN they are furniture, but headlines and prose are not', () => {
    expect(isCategoryLine('Balkans Europe News War')).toBe(true);
    expect(isCategoryLine('Local News Infrastructure Transport')).toBe(true);
    expect(isCategoryLine('Tags: Asia, Cambodia, Mekong')).toBe(true);
    expect(isCategoryLine('Cyclone Mala Cuts Power Across Fiji')).toBe(false);
    expect(isCategoryLine('The council met on Monday.')).toBe(false);
  });

  it('GIVEN source trailers THEN they are furniture', () => {
    expect(isSourceTrailer('Source : voanews')).toBe(true);
    expect(isSourceTrailer('Source: Pacific Wire')).toBe(true);
    expect(isSourceTrailer('Sources said the talks would resume on Monday.')).toBe(false);
  });

  it('GIVEN share and print rows THEN they are furniture, but a sentence about sharing is not', () => {
    expect(isShareLine('Share this article Print')).toBe(true);
    expect(isShareLine('Email | Facebook | Twitter')).toBe(true);
    expect(isShareLine('Print this page')).toBe(true);
    expect(isShareLine('Shares in the company fell 5% on Monday.')).toBe(false);
  });

  it('GIVEN byline lines THEN they are furniture, but a sentence opening with "By" is not', () => {
    expect(isBylineLine('By John Smith, CNN')).toBe(true);
    expect(isBylineLine('By Sione Taufa, Pacific Desk')).toBe(true);
    expect(isBylineLine('By . Staff Reporter . PUBLISHED: . 09:12 EST, 3 March 2025')).toBe(true);
    expect(
      isBylineLine(
        'By Tuesday evening the river had risen another metre, flooding the lower town and its port.',
      ),
    ).toBe(false);
  });

  it('GIVEN timestamp lines THEN they are furniture', () => {
    expect(isTimestampLine('Last updated at 4:10 PM on 3rd June 2025')).toBe(true);
    expect(isTimestampLine('Published 14:05 CET, 9 April 2025')).toBe(true);
    expect(isTimestampLine('UPDATED: 15:36 EST, 25 October 2013')).toBe(true);
    expect(isTimestampLine('Updated figures from the ministry show 12 deaths.')).toBe(false);
  });

  it('GIVEN an ordinary paragraph THEN no rule marks it as furniture', () => {
    expect(isBoilerplateLine('The vote passed 9-2 after a three-hour debate in the council chamber.')).toBe(
      false,
    );
  });
});
