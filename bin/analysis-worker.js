// The entry of newsdesk's worker threads (src/sources/work/pool.ts): worker threads do not inherit
// the main thread's TypeScript loader, so each registers tsx itself before loading the tasks.
import { register } from 'tsx/esm/api';

register();
const { default: runTask } = await import('../src/sources/work/worker.ts');
export default runTask;
