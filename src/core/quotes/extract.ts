import type { Quote } from '../types.js';

/** What quote selection knows of the article besides its text. */
export interface QuoteContext {
  readonly title: string | null;
  readonly lede: string;
}

/** Direct quotations in `text` with their speakers; offsets index `text`. (Lands with the Quotes issue.) */
export function extractQuotes(_text: string, _context: QuoteContext): Quote[] {
  return [];
}
