// .env.example is the operator's list of settings: it names exactly what the configuration reads,
// and, copied as it is to .env, it is a valid configuration (every value empty or a default).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';
import { ROOT } from '../helpers/processes.js';

const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
const assignments = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const);

describe('.env.example', () => {
  it('GIVEN the configuration schema THEN .env.example sets exactly its variables, each once', () => {
    const names = assignments.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('GIVEN .env.example copied to .env THEN it loads, with the defaults it shows', () => {
    const config = loadConfig(Object.fromEntries(assignments));
    expect(config.NEWSDESK_DATA_DIR).toBe('./data');
    expect(config.HTTP_PORT).toBeUndefined();
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('GIVEN each variable THEN a comment above it says what it is for', () => {
    for (const [name] of assignments) {
      const before = text.slice(0, text.indexOf(`\n${name}=`)).split('\n');
      // The nearest line above that is not another assignment is a comment.
      const above = before.reverse().find((line) => !/^[A-Z][A-Z0-9_]*=/.test(line));
      expect(above, name).toMatch(/^#/);
    }
  });
});
