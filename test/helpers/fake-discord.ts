// A project-owned fake of Discord's REST API and gateway on 127.0.0.1, for testing the real discord.js
// client (see ../shared/docs/chat-adapter-testing.md). It keeps guilds, channels, threads and
// messages, checks every message against Discord's limits, and can be told to fail.
/* eslint-disable @typescript-eslint/no-explicit-any -- Discord payloads are loose JSON, read field by field in tests */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '1000000000000000001';
export const BOT_ROLE = '1100000000000000011';
export const MOD_ID = '4000000000000000004';
export const MEMBER_ID = '4000000000000000005';

/** Discord's permission bits the tests use. */
export const PERMS = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ManageGuild: 1n << 5n,
  SendMessagesInThreads: 1n << 38n,
};
const BOT_PERMS = PERMS.ViewChannel | PERMS.SendMessages | PERMS.EmbedLinks | PERMS.SendMessagesInThreads;

export interface FakeChannel {
  id: string;
  name: string;
  /** 0 text, 5 announcement, 11 public thread, 15 forum. */
  type: number;
  /** Permissions the bot is denied here (an overwrite on its role). */
  deny?: bigint;
  parentId?: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
  systemChannelId?: string;
}

/** A message as the fake stored it. */
export interface StoredMessage {
  id: string;
  channelId: string;
  body: Record<string, any>;
  /** When the fake stored it. */
  at?: number;
  /** Set for interaction answers: which interaction, and how ('original' edit or 'followup'). */
  interaction?: { token: string; kind: 'original' | 'followup' };
}

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly body: any;
  readonly auth: string | undefined;
  readonly at: number;
}

type Canned = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

const LIMITS = {
  content: 2000,
  embeds: 10,
  total: 6000,
  title: 256,
  description: 4096,
  fieldValue: 1024,
  fieldName: 256,
  footer: 2048,
};

/** What Discord would refuse in a message payload, or null. */
export function messageProblem(body: any): string | null {
  if (typeof body.content === 'string' && body.content.length > LIMITS.content) return 'content over 2000';
  const embeds: any[] = body.embeds ?? [];
  if (embeds.length > LIMITS.embeds) return 'more than 10 embeds';
  let total = 0;
  for (const e of embeds) {
    if ((e.title ?? '').length > LIMITS.title) return 'title over 256';
    if ((e.description ?? '').length > LIMITS.description) return 'description over 4096';
    if ((e.footer?.text ?? '').length > LIMITS.footer) return 'footer over 2048';
    for (const f of e.fields ?? []) {
      if (f.value.length > LIMITS.fieldValue || f.value.length === 0) return 'field value over 1024 or empty';
      if (f.name.length > LIMITS.fieldName || f.name.length === 0) return 'field name over 256 or empty';
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
    total += (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
  }
  if (total > LIMITS.total) return 'embeds over 6000 characters';
  if (!body.content && embeds.length === 0) return 'empty message';
  return null;
}

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly messages: StoredMessage[] = [];
  /** Interaction callbacks (type 4/5/7/8…), by interaction id. */
  readonly callbacks = new Map<string, any[]>();
  /** IDENTIFY payloads received, one per shard connection. */
  readonly identifies: any[] = [];
  /** The registered command sets, by route. */
  readonly commandSets = new Map<string, any[]>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly wss = new WebSocketServer({ server: this.server });
  private readonly sockets = new Map<number, WebSocket>();
  private readonly failures: { match: RegExp; canned: Canned }[] = [];
  private readonly nonces = new Map<string, StoredMessage>();
  private seq = 0;
  private nextId = 5_000_000_000_000_000_000n;
  private shardCount = 1;
  private readonly window: number[] = [];
  /** Requests answered 429 because they broke `limit`. */
  rateLimited = 0;
  apiUrl = '';

  /** With a limit, more than `globalPerSecond` bot requests in any second get a global 429. */
  constructor(
    readonly guilds: FakeGuild[],
    private readonly limit?: {
      readonly globalPerSecond: number;
      /** The unit the retry-after header is rounded up to, in ms (shorter in a time-scaled bench). */
      readonly secondMs?: number;
    },
  ) {
    this.wss.on('connection', (ws) => this.connect(ws));
  }

  async start(shards = 1): Promise<this> {
    this.shardCount = shards;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.apiUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
    return this;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next request whose "METHOD path" matches gets this answer instead. */
  failNext(
    match: RegExp,
    status: number,
    body: Record<string, unknown>,
    headers?: Record<string, string>,
  ): void {
    this.failures.push({ match, canned: { status, body, ...(headers ? { headers } : {}) } });
  }

  channel(id: string): FakeChannel | undefined {
    for (const g of this.guilds) {
      const c = g.channels.find((ch) => ch.id === id);
      if (c) return c;
    }
    return undefined;
  }

  guildOf(channelId: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
  }

  /** Deletes a channel as a server admin would (no event is sent: the bot finds out by calling). */
  deleteChannel(id: string): void {
    for (const g of this.guilds) g.channels = g.channels.filter((c) => c.id !== id);
  }

  /** Messages the bot posted in a channel (not interaction answers). */
  posted(channelId: string): StoredMessage[] {
    return this.messages.filter((m) => m.channelId === channelId && !m.interaction);
  }

  /** Every answer to one interaction, in order: the edited original, then follow-ups. */
  answers(interactionId: string): StoredMessage[] {
    const token = `tok-${interactionId}`;
    return this.messages.filter((m) => m.interaction?.token === token);
  }

  /** Resolves once `check` holds. */
  async until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > timeoutMs) throw new Error('fake discord: timed out waiting');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Calls made to a path matching `re` (e.g. /channels\/\d+\/messages$/). */
  callsTo(method: string, re: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && re.test(c.path));
  }

  private id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  private shardOf(guildId: string): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shardCount));
  }

  // ---- gateway ----

  private connect(ws: WebSocket): void {
    const port = (this.server.address() as AddressInfo).port;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    ws.on('message', (raw: Buffer) => {
      const p = JSON.parse(raw.toString());
      if (p.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (p.op !== 2) return;
      this.identifies.push(p.d);
      const [shard, count] = (p.d.shard as [number, number] | undefined) ?? [0, 1];
      this.sockets.set(shard, ws);
      const mine = this.guilds.filter((g) => this.shardOf(g.id) === shard);
      const send = (t: string, d: unknown): void => ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
      send('READY', {
        v: 10,
        user: { id: APP_ID, username: 'newsdesk', discriminator: '0', bot: true, avatar: null },
        guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${shard}`,
        resume_gateway_url: `ws://127.0.0.1:${port}`,
        shard: [shard, count],
        application: { id: APP_ID, flags: 0 },
      });
      for (const g of mine) send('GUILD_CREATE', this.guildPayload(g));
    });
  }

  private channelPayload(c: FakeChannel, guildId: string): any {
    const overwrites = c.deny ? [{ id: BOT_ROLE, type: 0, allow: '0', deny: String(c.deny) }] : [];
    const base = {
      id: c.id,
      type: c.type,
      name: c.name,
      guild_id: guildId,
      position: 0,
      permission_overwrites: overwrites,
    };
    if (c.type === 11 || c.type === 12 || c.type === 10)
      return {
        ...base,
        parent_id: c.parentId,
        owner_id: MOD_ID,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        message_count: 0,
        member_count: 1,
      };
    return {
      ...base,
      ...(c.parentId ? { parent_id: c.parentId } : {}),
      ...(c.type === 15 ? { available_tags: [] } : {}),
    };
  }

  private guildPayload(g: FakeGuild): any {
    const isThread = (c: FakeChannel): boolean => c.type === 10 || c.type === 11 || c.type === 12;
    return {
      id: g.id,
      name: g.name,
      owner_id: MOD_ID,
      unavailable: false,
      member_count: 3,
      system_channel_id: g.systemChannelId ?? null,
      roles: [
        {
          id: g.id,
          name: '@everyone',
          permissions: '0',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
        },
        {
          id: BOT_ROLE,
          name: 'newsdesk',
          permissions: String(BOT_PERMS),
          position: 1,
          color: 0,
          hoist: false,
          managed: true,
          mentionable: false,
        },
      ],
      channels: g.channels.filter((c) => !isThread(c)).map((c) => this.channelPayload(c, g.id)),
      threads: g.channels.filter(isThread).map((c) => this.channelPayload(c, g.id)),
      members: [
        {
          user: { id: APP_ID, username: 'newsdesk', discriminator: '0', bot: true, avatar: null },
          roles: [BOT_ROLE],
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      features: [],
      joined_at: new Date().toISOString(),
    };
  }

  /** The bot's permissions in a channel, as Discord computes them for `app_permissions`. */
  appPermissions(channelId: string): bigint {
    const c = this.channel(channelId);
    const parent = c?.parentId ? this.channel(c.parentId) : undefined;
    return BOT_PERMS & ~(c?.deny ?? 0n) & ~(parent?.deny ?? 0n);
  }

  /**
   * Sends a slash command (type 2), an autocomplete (type 4) or a button press (type 3) as Discord
   * would, from a moderator (ManageGuild) or a plain member. Returns the interaction's id.
   */
  interact(
    kind: 'command' | 'autocomplete' | 'button',
    channelId: string,
    data: Record<string, unknown>,
    from: 'moderator' | 'member' = 'moderator',
  ): string {
    const guild = this.guildOf(channelId);
    if (!guild) throw new Error(`fake discord: no channel ${channelId}`);
    const channel = this.channel(channelId)!;
    const id = this.id();
    const userId = from === 'moderator' ? MOD_ID : MEMBER_ID;
    const type = kind === 'command' ? 2 : kind === 'autocomplete' ? 4 : 3;
    const ws = this.sockets.get(this.shardOf(guild.id));
    if (!ws) throw new Error('fake discord: the shard of that guild is not connected');
    ws.send(
      JSON.stringify({
        op: 0,
        t: 'INTERACTION_CREATE',
        s: ++this.seq,
        d: {
          id,
          application_id: APP_ID,
          type,
          token: `tok-${id}`,
          version: 1,
          guild_id: guild.id,
          channel_id: channelId,
          channel: {
            id: channelId,
            type: channel.type,
            name: channel.name,
            guild_id: guild.id,
            ...(channel.parentId ? { parent_id: channel.parentId } : {}),
          },
          locale: 'en-US',
          guild_locale: 'en-US',
          app_permissions: String(this.appPermissions(channelId)),
          entitlements: [],
          authorizing_integration_owners: { 0: guild.id },
          context: 0,
          member: {
            user: { id: userId, username: from, discriminator: '0', avatar: null },
            roles: [],
            permissions:
              from === 'moderator'
                ? String(PERMS.ManageGuild | PERMS.ViewChannel)
                : String(PERMS.ViewChannel),
            joined_at: new Date().toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
          },
          ...(kind === 'button'
            ? {
                message: this.messageObject({ id: this.id(), channelId, body: { content: 'earlier page' } }),
                data: { component_type: 2, ...data },
              }
            : { data: { id: '6000000000000000000', type: 1, ...data } }),
        },
      }),
    );
    return id;
  }

  // ---- REST ----

  private messageObject(m: StoredMessage): any {
    return {
      id: m.id,
      channel_id: m.channelId,
      type: 0,
      content: m.body.content ?? '',
      embeds: m.body.embeds ?? [],
      components: m.body.components ?? [],
      author: { id: APP_ID, username: 'newsdesk', discriminator: '0', bot: true, avatar: null },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      flags: m.body.flags ?? 0,
      ...(m.body.nonce ? { nonce: m.body.nonce } : {}),
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const type = req.headers['content-type'] ?? '';
    const body = raw && type.includes('json') ? JSON.parse(raw) : raw;
    const method = req.method ?? 'GET';
    this.calls.push({ method, path, body, auth: req.headers.authorization, at: Date.now() });
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const failure = this.failures.findIndex((f) => f.match.test(`${method} ${path}`));
    if (failure >= 0) {
      const canned = this.failures.splice(failure, 1)[0]!.canned;
      return json(canned.status, canned.body, canned.headers);
    }
    if (this.limit && req.headers.authorization) {
      const now = Date.now();
      while (this.window.length && this.window[0]! <= now - 1000) this.window.shift();
      if (this.window.length >= this.limit.globalPerSecond) {
        this.rateLimited++;
        const wait = (this.window[0]! + 1000 - now) / 1000;
        const unit = this.limit.secondMs ?? 1000;
        return json(
          429,
          { message: 'You are being rate limited.', retry_after: wait, global: true },
          {
            'retry-after': String((Math.ceil((wait * 1000) / unit) * unit) / 1000),
            'x-ratelimit-global': 'true',
            'x-ratelimit-scope': 'global',
          },
        );
      }
      this.window.push(now);
    }
    const unknownChannel = (): void => json(404, { message: 'Unknown Channel', code: 10003 });
    const missing = (): void => json(403, { message: 'Missing Permissions', code: 50013 });
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot')
      return json(200, {
        url: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`,
        shards: this.shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 },
      });
    if (method === 'GET' && path === '/applications/@me')
      return json(200, { id: APP_ID, name: 'newsdesk', flags: 0 });
    if ((m = /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/.exec(path))) {
      if (method === 'GET') return json(200, this.commandSets.get(path) ?? []);
      if (method === 'PUT') {
        const set = (body as any[]).map((c, i) => ({
          id: String(6_000_000_000_000_000_000n + BigInt(i)),
          application_id: APP_ID,
          version: '1',
          ...c,
        }));
        this.commandSets.set(path, set);
        return json(200, set);
      }
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const list = this.callbacks.get(m[1]!) ?? [];
      list.push(body);
      this.callbacks.set(m[1]!, list);
      if (body.type === 4 || body.type === 7) {
        const problem = body.data ? messageProblem({ content: 'x', ...body.data }) : null;
        if (problem) return json(400, { message: `Invalid Form Body: ${problem}`, code: 50035 });
        if (body.type === 4)
          this.messages.push({
            id: this.id(),
            channelId: '',
            body: body.data,
            interaction: { token: m[2]!, kind: 'original' },
          });
      }
      res.writeHead(204);
      return void res.end();
    }
    if ((m = /^\/webhooks\/\d+\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      const token = m[1]!;
      if (method === 'DELETE') {
        const i = this.messages.findIndex(
          (x) => x.interaction?.token === token && x.interaction.kind === 'original',
        );
        if (i >= 0) this.messages.splice(i, 1);
        res.writeHead(204);
        return void res.end();
      }
      const problem = messageProblem(body);
      if (problem) return json(400, { message: `Invalid Form Body: ${problem}`, code: 50035 });
      const kind = m[2] ? 'original' : 'followup';
      const stored = { id: this.id(), channelId: '', body, interaction: { token, kind } as const };
      this.messages.push(stored);
      return json(200, this.messageObject(stored));
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') {
      const c = this.channel(m[1]!);
      if (!c) return unknownChannel();
      return json(200, this.channelPayload(c, this.guildOf(c.id)!.id));
    }
    if ((m = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path)) && method === 'GET') {
      return json(200, {
        user: { id: m[2], username: 'newsdesk', discriminator: '0', bot: true },
        roles: [BOT_ROLE],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      });
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      const c = this.channel(m[1]!);
      if (!c) return unknownChannel();
      const inThread = c.type === 10 || c.type === 11 || c.type === 12;
      const need = PERMS.ViewChannel | (inThread ? PERMS.SendMessagesInThreads : PERMS.SendMessages);
      if ((this.appPermissions(c.id) & need) !== need) return missing();
      if (body.embeds?.length && !(this.appPermissions(c.id) & PERMS.EmbedLinks)) return missing();
      const problem = messageProblem(body);
      if (problem) return json(400, { message: `Invalid Form Body: ${problem}`, code: 50035 });
      // enforce_nonce: the same nonce in the same channel gives back the first message.
      const nonceKey = body.enforce_nonce && body.nonce ? `${c.id}:${body.nonce}` : null;
      const earlier = nonceKey ? this.nonces.get(nonceKey) : undefined;
      if (earlier) return json(200, this.messageObject(earlier));
      const stored = { id: this.id(), channelId: c.id, body, at: Date.now() };
      this.messages.push(stored);
      if (nonceKey) this.nonces.set(nonceKey, stored);
      return json(200, this.messageObject(stored));
    }
    if ((m = /^\/channels\/(\d+)\/threads$/.exec(path)) && method === 'POST') {
      const forum = this.channel(m[1]!);
      if (!forum) return unknownChannel();
      if (forum.type !== 15 && forum.type !== 16) return json(400, { message: 'not a forum', code: 50024 });
      const need = PERMS.ViewChannel | PERMS.SendMessages;
      if ((this.appPermissions(forum.id) & need) !== need) return missing();
      const problem = messageProblem(body.message ?? {});
      if (problem || !body.name || body.name.length > 100)
        return json(400, { message: `Invalid Form Body: ${problem ?? 'name'}`, code: 50035 });
      const thread: FakeChannel = { id: this.id(), name: body.name, type: 11, parentId: forum.id };
      this.guildOf(forum.id)!.channels.push(thread);
      const stored = { id: thread.id, channelId: thread.id, body: body.message, at: Date.now() };
      this.messages.push(stored);
      return json(201, {
        ...this.channelPayload(thread, this.guildOf(forum.id)!.id),
        message: this.messageObject(stored),
      });
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)\/crosspost$/.exec(path)) && method === 'POST') {
      const stored = this.messages.find((x) => x.id === m![2]);
      return stored
        ? json(200, this.messageObject(stored))
        : json(404, { message: 'Unknown Message', code: 10008 });
    }
    json(404, { message: '404: Not Found', code: 0 });
  }
}
