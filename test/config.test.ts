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

describe('loadConfig: Discord and API roots', () => {
  it('GIVEN shard settings THEN ids are read as lists and ranges, and must fit the count', () => {
    const config = loadConfig({ DISCORD_SHARD_COUNT: '8', DISCORD_SHARD_IDS: '0, 2-4,7' });
    expect(config.DISCORD_SHARD_IDS).toEqual([0, 2, 3, 4, 7]);
    expect(() => loadConfig({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '2' })).toThrow(
      /DISCORD_SHARD_IDS/,
    );
    expect(() => loadConfig({ DISCORD_SHARD_IDS: '0' })).toThrow(/DISCORD_SHARD_COUNT/);
    expect(() => loadConfig({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: 'all' })).toThrow(
      /DISCORD_SHARD_IDS/,
    );
  });

  it('GIVEN API roots THEN they must be http(s) URLs, and a trailing slash is dropped', () => {
    expect(loadConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).TELEGRAM_API_ROOT).toBe(
      'http://127.0.0.1:8081',
    );
    expect(() => loadConfig({ DISCORD_API_URL: 'ftp://x' })).toThrow(
      /DISCORD_API_URL: expected an http\(s\) URL/,
    );
    expect(() => loadConfig({ DISCORD_GUILD_ID: 'my-server' })).toThrow(/DISCORD_GUILD_ID/);
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
