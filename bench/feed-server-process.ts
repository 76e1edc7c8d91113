// The ingestion bench's feeds, served from a process of their own (see spawnFeedServer in
// ingest.ts): prints its origin on a line, and ends when its stdin closes.
import { publishedIn, startFeedServer, type FeedWeb } from './ingest.js';

const web = JSON.parse(process.argv[2] ?? '') as FeedWeb;
const { server, origin } = await startFeedServer(web.feeds, web.items, publishedIn(web));
process.stdout.write(`${origin}\n`);
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
