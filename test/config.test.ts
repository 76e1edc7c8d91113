import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('GIVEN an empty environment THEN it runs on the embedded defaults with no chat tokens', () => {
    const config = loadConfig({});
    expect(config.NEWSDESK_DATA_DIR).toBe('./data');
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('GIVEN blank tokens THEN they count as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '  ' }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('GIVEN a bad variable THEN the error names it and never echoes a secret', () => {
    const secret = '123456:SECRET-TOKEN-VALUE';
    let error: unknown;
    try {
      loadConfig({ LOG_LEVEL: 'loud', TELEGRAM_BOT_TOKEN: secret });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('LOG_LEVEL');
    expect((error as Error).message).not.toContain(secret);
  });

  it('GIVEN an allowlist THEN it is split on commas', () => {
    expect(loadConfig({ NEWSDESK_ALLOW_HOSTS: '127.0.0.1, ::1' }).NEWSDESK_ALLOW_HOSTS).toEqual([
      '127.0.0.1',
      '::1',
    ]);
  });
});

describe('loadConfig with the example file', () => {
  it('GIVEN every variable of .env.example left empty THEN the defaults apply and nothing is an error', () => {
    const lines = readFileSync(new URL('../.env.example', import.meta.url), 'utf8').split('\n');
    const env = Object.fromEntries(
      lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), '']),
    );
    expect(Object.keys(env)).toContain('TELEGRAM_WEBHOOK_PORT');
    const config = loadConfig(env);
    expect(config.NEWSDESK_DATA_DIR).toBe('./data');
    expect(config.TELEGRAM_WEBHOOK_PORT).toBeUndefined();
  });
});
