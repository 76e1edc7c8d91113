import type { Analysis } from '../core/types.js';

/**
 * An analysis as the store keeps it. The sentences are the body cut up, so when each is found in
 * the body, in order, they are kept as offsets into it (`sentenceSpans`: start and end of each, in
 * turn) rather than as a second copy of the text: about 40% of an article's analysis.
 */
type StoredAnalysis = Omit<Analysis, 'sentences'> & {
  readonly sentences?: readonly string[];
  readonly sentenceSpans?: readonly number[];
};

/** The JSON text of an analysis in its stored form. */
export function packAnalysis(analysis: Analysis): string {
  const spans: number[] = [];
  let from = 0;
  for (const sentence of analysis.sentences) {
    const at = analysis.body.indexOf(sentence, from);
    if (at < 0) return JSON.stringify(analysis);
    spans.push(at, at + sentence.length);
    from = at + sentence.length;
  }
  const { sentences: _, ...rest } = analysis;
  return JSON.stringify({ ...rest, sentenceSpans: spans } satisfies StoredAnalysis);
}

/** An analysis from its stored form (either form: older rows keep their sentences as text). */
export function unpackAnalysis(stored: StoredAnalysis): Analysis {
  const { sentenceSpans, sentences, ...rest } = stored;
  if (!sentenceSpans) return { ...rest, sentences: sentences ?? [] };
  const cut: string[] = [];
  for (let i = 0; i + 1 < sentenceSpans.length; i += 2)
    cut.push(rest.body.slice(sentenceSpans[i], sentenceSpans[i + 1]));
  return { ...rest, sentences: cut };
}
