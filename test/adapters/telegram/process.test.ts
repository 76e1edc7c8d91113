// The real process, as an operator starts it: `npm start` with TELEGRAM_BOT_TOKEN and
// TELEGRAM_API_ROOT pointing at the fake Bot API, meeting a newcomer and a group's moderator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/store/sqlite/create-sqlite-store.js';
import { makeAnalysis } from '../../commands/helpers/fixtures.js';
import { buttonPress, buttonsOf, edited, FakeTelegram, textMessage } from '../../helpers/fake-telegram.js';
import { cleanEnv, startBot, type RunningBot } from '../../helpers/processes.js';

const TOKEN = '123456:PROCESS-telegram-secret';
// Each person in a chat of their own: flood control (five commands at once a member) holds here too.
const NEWCOMER = { id: 31, type: 'private' as const };
const LINKED = { id: 32, type: 'private' as const };
const EDITOR = { id: 33, type: 'private' as const };
const GROUP = { id: -100555, type: 'supergroup' as const };
const MOD = 7;

let bot: RunningBot | undefined;
let fake: FakeTelegram | undefined;
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-telegram-process-'));
afterAll(async () => {
  bot?.signal('SIGKILL');
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const wallClock = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );

describe('npm start with TELEGRAM_BOT_TOKEN against the fake Bot API', () => {
  it('GIVEN a newcomer and a moderator THEN the welcome, its buttons, a deep link, a copyable example, an edited command and a time zone move all work in the real process', async () => {
    const file = join(dir, 'newsdesk.sqlite');
    let store = await createSqliteStore(file);
    const at = new Date(Date.now() - 3_600_000);
    await store.articles.save(
      {
        url: 'https://news.example/dunavac',
        guid: null,
        feedId: null,
        source: null,
        publishedAt: at,
        fetchedAt: at,
        analysis: makeAnalysis({ title: 'Dunavac port reopens' }),
      },
      null,
    );
    await store.close();
    fake = await new FakeTelegram().start();
    fake.setMember(GROUP.id, MOD, 'creator');
    bot = startBot(
      cleanEnv({
        NEWSDESK_DATA_DIR: dir,
        LOG_LEVEL: 'info',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
      }),
    );
    await bot.waitFor('telegram polling');
    const t = fake;
    const next = async (update: Record<string, unknown>) => {
      const before = t.sent().length;
      t.push(update);
      await t.until(() => t.sent().length > before, 15_000);
      return t.sent()[before]!;
    };

    // A newcomer opens the bot: three lines and three buttons; a press answers.
    const welcome = await next(textMessage('/start', NEWCOMER, { fromId: NEWCOMER.id }));
    expect(String(welcome.body.text).split('\n')).toHaveLength(3);
    expect(buttonsOf(welcome)).toEqual([['Regions'], ['How to subscribe'], ['All commands']]);
    expect(String((await next(buttonPress(welcome, 'Regions', NEWCOMER.id))).body.text)).toContain(
      'balkans: The Balkans',
    );
    const howTo = String((await next(buttonPress(welcome, 'How to subscribe', NEWCOMER.id))).body.text);
    expect(howTo).toContain('Example: <code>/subscribe balkans daily@08:00 Europe/Belgrade</code>');

    // A deep link (t.me/ourbot?start=balkans) opens the region.
    expect(
      String((await next(textMessage('/start balkans', LINKED, { fromId: LINKED.id }))).body.text),
    ).toContain('Dunavac port reopens');

    // A command fixed by editing is answered again.
    const typo = textMessage('/latest balkns', EDITOR, { fromId: EDITOR.id });
    expect(String((await next(typo)).body.text)).toContain('Did you mean balkans');
    const fixed = edited(typo);
    (fixed.edited_message as Record<string, unknown>).text = '/latest balkans';
    expect(String((await next(fixed)).body.text)).toContain('Dunavac port reopens');

    // A group's moderator subscribes, then changes the zone and moves the subscription.
    expect(
      String((await next(textMessage('/subscribe balkans daily@08:00', GROUP, { fromId: MOD }))).body.text),
    ).toContain('(UTC)');
    const question = await next(textMessage('/settings timezone Europe/Belgrade', GROUP, { fromId: MOD }));
    expect(buttonsOf(question)).toEqual([['Move to Europe/Belgrade', 'Keep as they are']]);
    expect(String((await next(buttonPress(question, 'Move to Europe/Belgrade', MOD))).body.text)).toContain(
      'Moved to Europe/Belgrade',
    );
    const list = String((await next(textMessage('/subscriptions', GROUP, { fromId: 9 }))).body.text);
    expect(list).toMatch(/The Balkans, daily at 08:00 Europe\/Belgrade, next \w{3} \d{1,2} \w{3}, 08:00/);

    // The scheduler reads the ledger every second: let it pass over the moved subscription once.
    await new Promise((r) => setTimeout(r, 1_500));
    bot.signal('SIGTERM');
    await bot.exited;
    store = await createSqliteStore(file);
    const [sub] = await store.subscriptions.all();
    expect(sub!.timezone).toBe('Europe/Belgrade');
    // Its next digest is due at 08:00 in Belgrade, not at 08:00 UTC.
    expect(sub!.nextDueAt).not.toBeNull();
    expect(wallClock(sub!.nextDueAt!, 'Europe/Belgrade')).toBe('08:00');
    await store.close();
    expect(bot.logs()).not.toContain(TOKEN);
  }, 90_000);
});
