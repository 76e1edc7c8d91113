import { describe, expect, it } from 'vitest';
import { TOPIC_LIMITS, validateTopic, type TopicDraft } from '../../../src/core/topics/validate.js';

const draft = (d: Partial<TopicDraft>): TopicDraft => ({
  name: 'kosovo-vote',
  include: [],
  exclude: [],
  regions: [],
  ...d,
});

describe('validateTopic', () => {
  it('GIVEN a well-formed topic THEN it comes back cleaned, regions as slugs', () => {
    const r = validateTopic(
      draft({ include: [' elect* ', 'Priština', "Côte d'Ivoire"], regions: ['Western Balkans'] }),
    );
    expect(r).toEqual({
      ok: true,
      topic: {
        name: 'kosovo-vote',
        include: ['elect*', 'Priština', "Côte d'Ivoire"],
        exclude: [],
        regions: ['balkans'],
      },
    });
  });

  it('GIVEN a bad name THEN an error value names the field', () => {
    const r = validateTopic(draft({ name: '<script>' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe('name');
    expect(validateTopic(draft({ name: 'x'.repeat(TOPIC_LIMITS.nameLength + 1) })).ok).toBe(false);
  });

  it('GIVEN regex syntax or a mid-word wildcard THEN refused with a reason', () => {
    for (const bad of ['(a+)+$', 'el*ect', 'a|b', '.*', 'ab*', '']) {
      const r = validateTopic(draft({ include: [bad] }));
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.message.length).toBeGreaterThan(5);
    }
  });

  it('GIVEN too many or too long phrases THEN refused', () => {
    expect(validateTopic(draft({ exclude: Array.from({ length: 31 }, (_, i) => `w${i}`) })).ok).toBe(false);
    expect(validateTopic(draft({ include: ['word '.repeat(7).trim()] })).ok).toBe(false);
    expect(validateTopic(draft({ include: ['x'.repeat(61)] })).ok).toBe(false);
  });

  it('GIVEN an unknown region THEN refused with suggestions', () => {
    const r = validateTopic(draft({ regions: ['balkns'] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.suggestions).toContain('balkans');
      expect(r.error.message).toContain('did you mean balkans');
    }
  });
});
