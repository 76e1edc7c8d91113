import { ChannelType, PermissionFlagsBits, PermissionsBitField, type Client } from 'discord.js';

type Flag = keyof typeof PermissionFlagsBits;

/** What each permission is called in Discord's channel settings. */
const LABELS: Partial<Record<Flag, string>> = {
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  SendMessagesInThreads: 'Send Messages in Threads',
  EmbedLinks: 'Embed Links',
};

const THREADS = new Set<ChannelType>([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);
const FORUMS = new Set<ChannelType>([ChannelType.GuildForum, ChannelType.GuildMedia]);
const CHANNELS = new Set<ChannelType>([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

/** The permissions a digest needs in a channel of this type, and what they are called there. */
function needed(type: ChannelType): [Flag, string][] {
  if (THREADS.has(type))
    return [
      ['ViewChannel', 'View Channel'],
      ['SendMessagesInThreads', 'Send Messages in Threads'],
      ['EmbedLinks', 'Embed Links'],
    ];
  if (FORUMS.has(type))
    return [
      ['ViewChannel', 'View Channel'],
      // In a forum, Send Messages is shown as "Create Posts"; a long digest continues in its post.
      ['SendMessages', 'Create Posts'],
      ['SendMessagesInThreads', 'Send Messages in Posts'],
      ['EmbedLinks', 'Embed Links'],
    ];
  return (['ViewChannel', 'SendMessages', 'EmbedLinks'] as const).map((f) => [f, LABELS[f] ?? f]);
}

/** The channel as a subscription needs it: its type and what the bot may do there. */
export interface ChannelAccess {
  readonly name: string;
  readonly type: ChannelType;
  readonly permissions: PermissionsBitField;
}

/**
 * Why the bot cannot deliver digests to this channel, in words a moderator can act on, or null
 * when it can: the kind of channel, and every permission it lacks, named as Discord shows them.
 */
export function deliveryProblem(access: ChannelAccess, need: { readonly publish: boolean }): string | null {
  const where = `#${access.name}`;
  if (!THREADS.has(access.type) && !FORUMS.has(access.type) && !CHANNELS.has(access.type))
    return `Digests can go to text, announcement and forum channels and to threads; ${where} is none of those.`;
  if (need.publish && access.type !== ChannelType.GuildAnnouncement)
    return `Publishing works only in an announcement channel; ${where} is not one. Leave out publish, or pick one.`;
  const missing = needed(access.type)
    .filter(([flag]) => !access.permissions.has(PermissionFlagsBits[flag]))
    .map(([, label]) => label);
  if (missing.length === 0) return null;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  return (
    `I can’t post digests in ${where}: I’m missing ${list} there. ` +
    `Give newsdesk’s role ${missing.length === 1 ? 'that permission' : 'those permissions'} ` +
    `(channel settings → Permissions), then try again.`
  );
}

/** The bot's own access to a guild channel, from the cache (or one request for its member). */
export async function botAccess(client: Client, channelId: string): Promise<ChannelAccess | null> {
  const channel = await client.channels.fetch(channelId);
  if (!channel || channel.isDMBased()) return null;
  const me = channel.guild.members.me ?? (await channel.guild.members.fetchMe());
  const permissions = channel.permissionsFor(me);
  return { name: channel.name, type: channel.type, permissions: new PermissionsBitField(permissions) };
}
