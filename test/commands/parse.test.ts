import { describe, expect, it } from 'vitest';
import { dispatch, findCommand, normaliseText, readChatCommand } from '../../commands/index.js';
import { createTestStore } from './helpers/test-store.js';
import { makeContext } from './helpers/fixtures.js';

const BOT = 'newsdesk_bot';

describe('reading a chat message', () => {
  it('GIVEN our commands, addressed or not THEN each is read as ours with its words', () => {
    expect(readChatCommand('/latest balkans 3', BOT)).toEqual({
      kind: 'command',
      name: 'latest',
      words: ['balkans', '3'],
      addressed: false,
    });
    expect(readChatCommand('/latest@Newsdesk_Bot balkans', BOT)).toMatchObject({
      kind: 'command',
      addressed: true,
      words: ['balkans'],
    });
  });

  it('GIVEN text that only starts with a slash, or another bot’s command THEN it is not a command of ours', () => {
    expect(readChatCommand('/usr/local is full again', BOT)).toEqual({ kind: 'text' });
    expect(readChatCommand('/ is anyone here?', BOT)).toEqual({ kind: 'text' });
    expect(readChatCommand('/latest, then /help', BOT)).toEqual({ kind: 'text' });
    expect(readChatCommand('hello /latest', BOT)).toEqual({ kind: 'text' });
    expect(readChatCommand('/ban@rose_bot @spammer', BOT)).toEqual({ kind: 'elsewhere' });
    expect(readChatCommand('/latest@other_bot balkans', BOT)).toEqual({ kind: 'elsewhere' });
    expect(readChatCommand('/ban @spammer', BOT)).toEqual({ kind: 'unknown', name: 'ban', addressed: false });
    expect(readChatCommand('/ban@newsdesk_bot', BOT)).toEqual({
      kind: 'unknown',
      name: 'ban',
      addressed: true,
    });
  });

  it('GIVEN look-alike letters of other scripts THEN our command names are recognised; other names are not invented', () => {
    for (const typed of ['/lateѕt', '/lаtest', '/LATEST', '/ΗΕLP', '/hеlp', '/ѕubѕcribe'])
      expect(readChatCommand(typed, BOT).kind, typed).toBe('command');
    expect(findCommand('lateѕt')?.name).toBe('latest');
    expect(readChatCommand('/раз', BOT).kind).toBe('unknown');
  });

  it('GIVEN invisible, control, bidirectional and compatibility characters THEN they are cleaned before reading', () => {
    expect(normaliseText('bal\u200bkans\u0000\u2060')).toBe('balkans');
    expect(normaliseText('\u202eevil\u202c \u2066x\u2069 \u200fy\u200e')).toBe('evil x y');
    expect(normaliseText('／ｌａｔｅｓｔ　ｂａｌｋａｎｓ')).toBe('/latest balkans');
    expect(normaliseText('ﬁnance\u00a0news')).toBe('finance news');
    expect(normaliseText('Belgrade Београд')).toBe('Belgrade Београд');
    expect(readChatCommand('\u200b/latest\u200b balkans\u0000', BOT)).toMatchObject({
      kind: 'command',
      words: ['balkans'],
    });
  });

  it('GIVEN a terminal line with a look-alike or an override THEN the console runs it cleanly too', async () => {
    const ctx = makeContext(await createTestStore());
    expect(JSON.stringify((await dispatch(ctx, '/lateѕt \u202eatlantis')).blocks)).toContain(
      'Unknown region or topic \\"atlantis\\"',
    );
  });
});
