// The worker thread's side of the pool (see pool.ts): one function, a task in, its result out.
import { parseFeedBody } from '../fetch/fetch-feed.js';
import { extractPage } from '../poll/extract-page.js';
import { readItemText, readPageText } from './tasks.js';
import type { Task } from './pool.js';

export default function runTask(task: Task): unknown {
  switch (task.kind) {
    case 'parse-feed':
      return parseFeedBody(Buffer.from(task.bytes), task.headerCharset, task.baseUrl);
    case 'read-item':
      return readItemText(task.item, task.maxChars);
    case 'read-page':
      return readPageText(task.input, extractPage);
  }
}
