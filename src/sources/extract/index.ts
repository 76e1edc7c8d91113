export { extractArticle } from './extract-article.js';
export { DEFAULT_LIMITS, type ExtractLimits } from './limits.js';
export type { ExtractError, ExtractedArticle, Result } from './types.js';
