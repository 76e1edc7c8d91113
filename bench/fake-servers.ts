// The fake chat servers of the fan-out bench, in a process of their own (forked by bench/fanout.ts):
// the platforms' work is not the bot's, so it must not take the bot's CPU.
import { FakeDiscord, type FakeGuild } from '../test/helpers/fake-discord.js';
import { FakeTelegram } from '../test/helpers/fake-telegram.js';

/** What the bench asks of this process. */
export type FakeServersRequest =
  | {
      readonly start: {
        readonly guild: FakeGuild;
        readonly telegramPerSecond: number;
        readonly discordPerSecond: number;
        /** A second of the platforms' clocks, in ms: 1000 divided by the bench's time scale. */
        readonly secondMs: number;
      };
    }
  | { readonly report: true };

/** What it answers: where the servers are, then what they received. */
export type FakeServersAnswer =
  | { readonly apiRoot: string; readonly apiUrl: string }
  | {
      readonly telegram: { readonly arrivals: [string, number][]; readonly rateLimited: number };
      readonly discord: { readonly arrivals: [string, number][]; readonly rateLimited: number };
    };

let telegram: FakeTelegram | undefined;
let discord: FakeDiscord | undefined;

process.on('message', (m: FakeServersRequest) => {
  void (async () => {
    if ('start' in m) {
      telegram = await new FakeTelegram({
        globalPerSecond: m.start.telegramPerSecond,
        secondMs: m.start.secondMs,
      }).start();
      discord = await new FakeDiscord([m.start.guild], {
        globalPerSecond: m.start.discordPerSecond,
        secondMs: m.start.secondMs,
      }).start();
      process.send?.({ apiRoot: telegram.apiRoot, apiUrl: discord.apiUrl } satisfies FakeServersAnswer);
      return;
    }
    const discordArrivals: [string, number][] = [];
    for (const c of discord!.guilds[0]!.channels)
      for (const msg of discord!.posted(c.id)) discordArrivals.push([c.id, msg.at ?? 0]);
    process.send?.({
      telegram: {
        arrivals: telegram!.sent().map((c) => [String(c.body.chat_id), c.at] as [string, number]),
        rateLimited: telegram!.rateLimited,
      },
      discord: { arrivals: discordArrivals, rateLimited: discord!.rateLimited },
    } satisfies FakeServersAnswer);
  })();
});
