export type { Briefing, BriefingQuote, CountryMark } from './types.js';
export { buildBriefing, type BriefingInput } from './build.js';
export { formatAge } from './age.js';
export { countryMark, countryName, flagEmoji } from './flags.js';
export {
  errorReply,
  textReply,
  type NextPage,
  type Reply,
  type ReplyAction,
  type ReplyBlock,
} from './reply.js';
