// A project-owned fake of the Telegram Bot API on 127.0.0.1, for testing the real grammY client.
/* eslint-disable @typescript-eslint/no-explicit-any -- Bot API payloads are loose JSON, read field by field in tests */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTelegramHtml } from './telegram-html-check.js';

export interface ApiCall {
  readonly method: string;
  readonly body: Record<string, any>;
  readonly at: number;
}

type Canned = { status: number; body: Record<string, unknown> };

export const BOT_INFO = {
  id: 4242,
  is_bot: true as const,
  first_name: 'Newsdesk',
  username: 'newsdesk_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly updates: Record<string, unknown>[] = [];
  private waiter: (() => void) | null = null;
  private readonly failures = new Map<string, Canned[]>();
  private readonly members = new Map<string, string>();
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private readonly window: number[] = [];
  /** The webhook Telegram would post updates to ('' for none: getUpdates works). */
  webhookUrl = '';
  /** sendMessage calls answered 429 because they broke `limit`. */
  rateLimited = 0;
  apiRoot = '';

  /**
   * With a limit, more than `globalPerSecond` sendMessage calls in any second are answered 429, as
   * Telegram does; with a delay, every sendMessage is answered that much later (a slow network).
   */
  constructor(
    private readonly limit?: {
      readonly globalPerSecond: number;
      /** How long the "retry after 1" a 429 asks for lasts, in ms (shorter in a time-scaled bench). */
      readonly secondMs?: number;
    },
    private readonly delayMs = 0,
  ) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.waiter?.();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sets what getChatMember answers for a user in a chat ('member' when not set). */
  setMember(chatId: number, userId: number, status: string): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  /** The next `times` calls of `method` get this error instead (e.g. a 429 with retry_after). */
  failNext(
    method: string,
    times: number,
    errorCode: number,
    description: string,
    parameters?: Record<string, unknown>,
  ): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) {
      list.push({
        status: errorCode,
        body: { ok: false, error_code: errorCode, description, ...(parameters ? { parameters } : {}) },
      });
    }
    this.failures.set(method, list);
  }

  /** Queues an update for getUpdates; returns its id. */
  push(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...update });
    this.waiter?.();
    return update_id;
  }

  /** Accepted sendMessage calls, in the order they arrived. */
  sent(): ApiCall[] {
    return this.calls.filter((c) => c.method === 'sendMessage' && c.body.accepted === true);
  }

  /** Resolves once `check` holds, polling the recorded calls. */
  async until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > timeoutMs) throw new Error('fake telegram: timed out waiting');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, any>;
    const method = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? '';
    const call = { method, body, at: Date.now() };
    this.calls.push(call);
    const send = (status: number, payload: Record<string, unknown>): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const ok = (result: unknown): void => send(200, { ok: true, result });
    const bad = (description: string): void =>
      send(400, { ok: false, error_code: 400, description: `Bad Request: ${description}` });
    const canned = this.failures.get(method)?.shift();
    if (canned) return send(canned.status, canned.body);
    switch (method) {
      case 'getMe':
        return ok(BOT_INFO);
      case 'getWebhookInfo':
        return ok({ url: this.webhookUrl, has_custom_certificate: false, pending_update_count: 0 });
      case 'setWebhook':
        this.webhookUrl = String(body.url ?? '');
        return ok(true);
      case 'deleteWebhook':
        this.webhookUrl = '';
        return ok(true);
      case 'setMyCommands':
      case 'answerCallbackQuery':
        return ok(true);
      case 'editMessageReplyMarkup':
        return ok({ message_id: body.message_id, date: 0, chat: { id: body.chat_id, type: 'supergroup' } });
      case 'getChatMember': {
        const status = this.members.get(`${body.chat_id}:${body.user_id}`) ?? 'member';
        return ok({ status, user: { id: body.user_id, is_bot: false, first_name: 'U' } });
      }
      case 'sendMessage': {
        if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
        if (this.limit) {
          const now = Date.now();
          while (this.window.length && this.window[0]! <= now - 1000) this.window.shift();
          if (this.window.length >= this.limit.globalPerSecond) {
            this.rateLimited++;
            const retryAfter = (this.limit.secondMs ?? 1000) / 1000;
            return send(429, {
              ok: false,
              error_code: 429,
              description: `Too Many Requests: retry after ${retryAfter}`,
              parameters: { retry_after: retryAfter },
            });
          }
          this.window.push(now);
        }
        if (typeof body.text !== 'string' || body.text === '') return bad('message text is empty');
        let shown = body.text;
        if (body.parse_mode === 'HTML') {
          const parsed = parseTelegramHtml(body.text);
          if (!parsed.ok) return bad(parsed.error);
          shown = parsed.text;
        }
        if ([...shown].length > 4096) return bad('message is too long');
        (call.body as Record<string, unknown>).accepted = true;
        const messageId = this.nextMessageId++;
        (call.body as Record<string, unknown>).message_id = messageId;
        return ok({
          message_id: messageId,
          date: 0,
          chat: { id: body.chat_id, type: 'supergroup' },
          text: shown,
        });
      }
      case 'getUpdates':
        // As Telegram: no long polling while a webhook is set.
        if (this.webhookUrl !== '')
          return send(409, {
            ok: false,
            error_code: 409,
            description:
              "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
          });
        return this.getUpdates(body, req, ok);
      default:
        return send(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private getUpdates(body: Record<string, any>, req: http.IncomingMessage, ok: (r: unknown) => void): void {
    const offset = Number(body.offset ?? 0);
    while (this.updates.length && Number(this.updates[0]!.update_id) < offset) this.updates.shift();
    if (this.updates.length) return ok(this.updates.slice());
    // Hold the request like real long polling, or grammY would spin.
    const timer = setTimeout(() => finish(), Number(body.timeout ?? 0) * 1000);
    const finish = (): void => {
      clearTimeout(timer);
      this.waiter = null;
      ok(this.updates.filter((u) => Number(u.update_id) >= offset));
    };
    this.waiter = finish;
    req.on('close', () => clearTimeout(timer));
  }
}

let messageIds = 1000;

/** A text message update in a chat; `from` or `senderChat` say who wrote it. */
export function textMessage(
  text: string,
  chat: { id: number; type: 'private' | 'group' | 'supergroup'; is_forum?: boolean },
  opts: {
    fromId?: number;
    senderChat?: { id: number; type: string };
    threadId?: number;
    /** Sent in reply to one of the bot's messages. */
    replyToBot?: boolean;
  } = {},
): Record<string, unknown> {
  const command = /^\/\S+/.exec(text)?.[0];
  const where = { ...chat, ...(chat.type === 'private' ? { first_name: 'U' } : { title: 'Group' }) };
  const bot = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };
  return {
    message: {
      message_id: messageIds++,
      date: Math.floor(Date.now() / 1000),
      chat: where,
      ...(opts.replyToBot
        ? { reply_to_message: { message_id: 1, date: 0, chat: where, from: bot, text: 'an earlier answer' } }
        : {}),
      ...(opts.senderChat ? { sender_chat: { ...opts.senderChat, title: 'Group' } } : {}),
      from: opts.senderChat
        ? { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' }
        : { id: opts.fromId ?? 7, is_bot: false, first_name: 'U' },
      ...(opts.threadId === undefined ? {} : { message_thread_id: opts.threadId, is_topic_message: true }),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  };
}

/** A message update as Telegram sends it after the user edited it. */
export function edited(update: Record<string, unknown>): Record<string, unknown> {
  const message = update.message as Record<string, unknown>;
  return { edited_message: { ...message, edit_date: Math.floor(Date.now() / 1000) } };
}

let callbackIds = 1;

/** The labels of the inline keyboard a sent message carries, row by row ([] for none). */
export function buttonsOf(sent: ApiCall): string[][] {
  const rows = (sent.body.reply_markup?.inline_keyboard ?? []) as { text: string }[][];
  return rows.map((row) => row.map((b) => b.text));
}

/**
 * A callback_query update as Telegram sends it when `fromId` presses the button labelled `label`
 * under a message the bot sent (a call the fake accepted).
 */
export function buttonPress(sent: ApiCall, label: string, fromId = 7): Record<string, unknown> {
  const rows = (sent.body.reply_markup?.inline_keyboard ?? []) as { text: string; callback_data: string }[][];
  const button = rows.flat().find((b) => b.text === label);
  if (!button) throw new Error(`fake telegram: no button "${label}" under that message`);
  const chatId = Number(sent.body.chat_id);
  const chat =
    chatId < 0
      ? { id: chatId, type: 'supergroup', title: 'Group' }
      : { id: chatId, type: 'private', first_name: 'U' };
  const bot = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };
  return {
    callback_query: {
      id: String(callbackIds++),
      from: { id: fromId, is_bot: false, first_name: 'U' },
      chat_instance: '1',
      data: button.callback_data,
      message: {
        message_id: sent.body.message_id,
        date: Math.floor(Date.now() / 1000),
        chat,
        from: bot,
        text: 'an earlier answer',
        ...(sent.body.message_thread_id === undefined
          ? {}
          : { message_thread_id: sent.body.message_thread_id, is_topic_message: true }),
      },
    },
  };
}
