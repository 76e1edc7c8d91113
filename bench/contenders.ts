// The functions the analysis benchmark times, by name.
import {
  AbsoluteSummarizerConfig,
  DefaultTextParser,
  NullLogger,
  SorensenDiceSimilarity,
  Summarizer,
} from 'ts-textrank';
import { analyzeArticle, analyzeText } from '../src/core/analyze.js';
import type { ContenderName, Doc } from './docs.js';

export const CONTENDERS: readonly ContenderName[] = ['text', 'whole', 'textrank'];

export function makeContender(name: ContenderName): (d: Doc) => unknown {
  switch (name) {
    case 'text':
      return (d) => analyzeText({ text: d.text });
    case 'whole':
      return (d) => analyzeArticle({ text: d.text });
    case 'textrank': {
      const textrank = new Summarizer(
        new AbsoluteSummarizerConfig(
          3,
          new SorensenDiceSimilarity(),
          new DefaultTextParser(),
          0.85,
          Summarizer.SORT_OCCURENCE,
        ),
        new NullLogger(),
      );
      return (d) => textrank.summarize(d.text, 'en');
    }
  }
}
