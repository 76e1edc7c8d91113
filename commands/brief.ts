import { z } from 'zod';
import { analyzeArticle } from '../src/core/analyze.js';
import { buildBriefing, errorReply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';

const options = z.object({
  url: z
    .string({ error: 'Give the address of an article' })
    .trim()
    .max(2000, { error: 'That address is too long' })
    .refine(
      (s) => {
        try {
          const u = new URL(s);
          return u.protocol === 'http:' || u.protocol === 'https:';
        } catch {
          return false;
        }
      },
      { error: 'That is not an http(s) address' },
    ),
});

/** `/brief <url>`: analyses one article on demand (fetched through the SSRF guard). */
export const briefCommand = defineCommand({
  name: 'brief',
  description: 'A briefing of one article from its address',
  usage: '/brief <url>',
  example: '/brief https://example.org/news/story.html',
  access: 'everyone',
  options,
  fromWords: (words) => ({ url: words[0] }),
  slash: {
    options: [
      {
        name: 'url',
        description: 'The article’s address (http or https)',
        type: 'string',
        required: true,
        maxLength: 2000,
      },
    ],
    toInput: (v) => ({ url: v.url }),
  },
  async handler(ctx, { url }) {
    const fetchArticle = ctx.services.fetchArticle;
    if (!fetchArticle) return errorReply('Fetching articles is not available here (no network).');
    const fetched = await fetchArticle(url);
    if (!fetched.ok) return errorReply(`Could not read that article: ${fetched.error}`);
    const analysis = analyzeArticle({ ...fetched.article, url: fetched.article.url ?? url });
    if (analysis.lede.trim() === '') return errorReply('That page has no article text to brief.');
    const briefing = buildBriefing({ analysis, url, outlets: 1, publishedAt: null }, ctx.now);
    return { blocks: [{ kind: 'briefing', briefing }] };
  },
});
