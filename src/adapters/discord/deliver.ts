import { createHash } from 'node:crypto';
import { ChannelType, Routes, type Client, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { Reply } from '../../core/briefing/index.js';
import {
  DestinationLostError,
  type Delivered,
  type DeliveryOptions,
  type Destination,
} from '../../platform.js';
import { renderDiscord, type DiscordMessage } from '../../render/index.js';
import type { SendQueue } from '../shared/send-queue.js';
import { lostOrSame } from './lost.js';

/** The Discord channel a destination names: its channel or thread, or the chat itself (a DM). */
export function channelIdOf(to: Pick<Destination, 'chatId' | 'threadId'>): string {
  return to.threadId ?? to.chatId;
}

/** A message payload that can ping no one, or only the one role a subscription names. */
export function messageBody(
  message: DiscordMessage,
  mentionRoleId: string | null = null,
): RESTPostAPIChannelMessageJSONBody {
  const content = mentionRoleId
    ? `<@&${mentionRoleId}>${message.content ? `\n${message.content}` : ''}`
    : message.content;
  return {
    ...(content ? { content } : {}),
    embeds: message.embeds.map(({ fields, ...e }) => ({
      ...e,
      ...(fields ? { fields: fields.map((f) => ({ ...f })) } : {}),
    })),
    allowed_mentions: mentionRoleId ? { parse: [], roles: [mentionRoleId] } : { parse: [] },
  };
}

/**
 * The nonce of one message of a delivery (25 characters at most): the same delivery key always
 * gives the same nonces, and with `enforce_nonce` Discord returns the first message again rather
 * than posting a second one, so a retry after a crash cannot post twice.
 */
export function nonceOf(key: string, index: number): string {
  return createHash('sha256').update(`${key}#${index}`).digest('base64url').slice(0, 25);
}

/** What a delivery needs from the adapter: the client, its paced queue, and the channels it lost. */
export interface DiscordSender {
  readonly client: Client;
  readonly queue: SendQueue;
  /** Channels found gone, with why: never called again by this process. */
  readonly lost: Map<string, string>;
}

async function channelType(client: Client, channelId: string): Promise<ChannelType | null> {
  const channel = await client.channels.fetch(channelId);
  return channel?.type ?? null;
}

/**
 * Delivers a reply to a channel, thread or forum (a new post, titled), within the rate limits and
 * in order. The first message carries the role mention, if any; in an announcement channel each
 * message is published when asked. A lost channel is remembered and not called again.
 */
export async function deliverToChannel(
  sender: DiscordSender,
  to: Destination,
  reply: Reply,
  options: DeliveryOptions = {},
): Promise<Delivered> {
  const { client, queue, lost } = sender;
  const channelId = channelIdOf(to);
  const known = lost.get(channelId);
  if (known !== undefined) throw new DestinationLostError(known);
  const messages = renderDiscord(reply);
  const ids: string[] = [];
  try {
    const type = await channelType(client, channelId);
    if (type === null) throw new DestinationLostError('Discord: the channel is not one the bot can see');
    let postIn = channelId;
    for (const [index, message] of messages.entries()) {
      options.signal?.throwIfAborted();
      const body = messageBody(message, index === 0 ? (options.mentionRoleId ?? null) : null);
      const keyed =
        options.key === undefined ? {} : { nonce: nonceOf(options.key, index), enforce_nonce: true };
      if (index === 0 && (type === ChannelType.GuildForum || type === ChannelType.GuildMedia)) {
        // A forum gets one post a digest: a thread whose first message is the digest's first.
        const name = (options.title ?? 'newsdesk digest').slice(0, 100);
        const thread = await queue.send(channelId, false, () =>
          client.rest.post(Routes.threads(channelId), { body: { name, message: body } }),
        );
        postIn = (thread as { id: string }).id;
        ids.push(postIn);
        continue;
      }
      const sent = (await queue.send(postIn, false, () =>
        client.rest.post(Routes.channelMessages(postIn), { body: { ...body, ...keyed } }),
      )) as { id: string };
      ids.push(sent.id);
      if (options.publish && type === ChannelType.GuildAnnouncement) {
        await queue.send(postIn, false, () =>
          client.rest.post(Routes.channelMessageCrosspost(postIn, sent.id)),
        );
      }
    }
  } catch (error) {
    const mapped = lostOrSame(error);
    if (mapped instanceof DestinationLostError) lost.set(channelId, mapped.reason);
    throw mapped;
  }
  return { messageIds: ids };
}
