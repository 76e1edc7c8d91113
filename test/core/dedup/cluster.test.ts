import { describe, expect, it } from 'vitest';
import { pickStory, minSharedTerms, type ClusterCandidate } from '../../../src/core/dedup/cluster.js';
import { storyTerms } from '../../../src/core/dedup/terms.js';

// Invented reports: two outlets on one event, and a different event on the same subject.
const borderA = storyTerms(
  'Kosovo and Serbia agree to reopen Jarinje border crossing',
  'Kosovo and Serbia agreed on Tuesday to reopen the Jarinje border crossing after a two-week closure, EU mediators said in Brussels.',
);
const borderB = storyTerms(
  'Jarinje crossing between Serbia and Kosovo to reopen, says EU',
  'The Jarinje border crossing between Serbia and Kosovo will reopen after being closed for two weeks, the European Union announced on Tuesday following talks in Brussels.',
);
const plates = storyTerms(
  'Kosovo and Serbia fail to agree on licence plates in Brussels talks',
  'Talks between Kosovo and Serbia in Brussels ended without agreement on Tuesday over vehicle licence plates, an EU envoy said.',
);
const quakeA = storyTerms(
  'Earthquake of magnitude 5.8 strikes central Albania, damaging homes in Durres',
  'A magnitude 5.8 earthquake struck central Albania early on Sunday, damaging dozens of homes in the port city of Durres, the defence ministry said.',
);
const quakeB = storyTerms(
  'Strong quake hits Albania; houses damaged near Durres',
  'Dozens of houses were damaged near Durres on Sunday when a strong earthquake with a magnitude of 5.8 shook central Albania, officials said.',
);
const rebuild = storyTerms(
  'Albania to rebuild homes damaged in Durres earthquake with EU funds',
  'Albania will spend EU funds to rebuild hundreds of homes in Durres that were damaged in the earthquake, Prime Minister Edi Rama said on Sunday.',
);

function candidate(
  terms: string[],
  against: string[],
  extra: Partial<ClusterCandidate> = {},
): ClusterCandidate {
  const shared = terms.filter((t) => against.includes(t)).length;
  return {
    articleId: 1,
    storyId: 10,
    outlet: 'rferl.org',
    shared,
    termCount: terms.length,
    countries: [],
    ...extra,
  };
}

function subject(terms: string[], outlet = 'balkaninsight.com', countries: string[] = []) {
  return { termCount: terms.length, outlet, countries };
}

describe('storyTerms', () => {
  it('GIVEN inflected forms, accents and filler words THEN they reduce to the same terms', () => {
    expect(storyTerms('Clashes erupt', 'Protesters clashed')).toEqual(
      storyTerms('Clash erupts', 'protester clash'),
    );
    expect(storyTerms('Vučić says')).toEqual(['vucic']);
    expect(storyTerms('Magnitude 5.8')).toContain('5.8');
  });

  it('GIVEN a very long text THEN the number of terms is bounded', () => {
    const long = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    expect(storyTerms(long).length).toBeLessThanOrEqual(64);
  });
});

describe('pickStory', () => {
  it('GIVEN the same event worded differently by two outlets THEN the second joins the first story', () => {
    expect(pickStory(subject(borderB), [candidate(borderA, borderB)])).toBe(10);
    expect(pickStory(subject(quakeB), [candidate(quakeA, quakeB)])).toBe(10);
  });

  it('GIVEN a different event on the same subject and places THEN it stays a story of its own', () => {
    expect(
      pickStory(subject(plates), [candidate(borderA, plates), candidate(borderB, plates, { storyId: 11 })]),
    ).toBe(null);
    expect(pickStory(subject(rebuild), [candidate(quakeA, rebuild), candidate(quakeB, rebuild)])).toBe(null);
  });

  it('GIVEN several matching stories THEN the most similar one wins', () => {
    const weak = candidate(quakeB, quakeA, { storyId: 20 });
    const exact = { ...candidate(quakeA, quakeA), storyId: 21 };
    expect(pickStory(subject(quakeA), [weak, exact])).toBe(21);
  });

  it('GIVEN similar wording about countries that do not overlap THEN the articles stay apart', () => {
    const c = candidate(borderA, borderB, { countries: ['AL'] });
    expect(pickStory(subject(borderB, 'balkaninsight.com', ['XK', 'RS']), [c])).toBe(null);
    expect(
      pickStory(subject(borderB, 'balkaninsight.com', ['RS']), [{ ...c, countries: ['XK', 'RS'] }]),
    ).toBe(10);
  });

  it('GIVEN a follow-up from the same outlet THEN it needs near-identical wording to join', () => {
    const sameOutlet = candidate(borderA, borderB, { outlet: 'balkaninsight.com' });
    expect(pickStory(subject(borderB), [sameOutlet])).toBe(null);
    expect(
      pickStory(subject(borderA), [{ ...candidate(borderA, borderA), outlet: 'balkaninsight.com' }]),
    ).toBe(10);
  });

  it('GIVEN two bare headlines sharing only three terms THEN that is too little evidence for one story', () => {
    const a = storyTerms('Floods hit Bosnia');
    expect(a).toHaveLength(3);
    expect(pickStory(subject(a), [candidate(a, a)])).toBe(null);
  });

  it('GIVEN a term count THEN the shared-term filter never drops a candidate that could match', () => {
    expect(minSharedTerms(10)).toBe(4);
    expect(minSharedTerms(30)).toBe(9);
  });
});
