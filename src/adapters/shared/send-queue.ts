/** A platform's published limits, as a send queue honours them. */
export interface SendLimits {
  /** Least time between two messages to one chat (about 1 per second). */
  readonly perChatIntervalMs: number;
  /** Messages a group may receive in one minute (20). */
  readonly groupPerMinute: number;
  /** Messages the bot may send in one second across all chats (about 30). */
  readonly globalPerSecond: number;
  /**
   * How much of its pace a gate held up (a busy event loop, a late timer) may catch up at once, in
   * ms (default 250). What it lets through at once is answered at once: a platform with no key
   * against repeats keeps it short, since a crash before the ledger records those answers would
   * send them all again.
   */
  readonly catchUpMs?: number;
}

/** What a queue needs from the world: a clock and a way to wait (both injectable for tests). */
export interface QueueClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * The two streams of messages a chat receives: replies to commands, and deliveries the bot makes
 * on its own (digests, notices). When both wait, a chat's turns alternate between them, so neither
 * waits behind the other.
 */
export type SendLane = 'command' | 'digest';

/** Which stream a message belongs to (default: a delivery, `'digest'`). */
export interface SendOptions {
  readonly lane?: SendLane;
  /**
   * Who a command reply answers (any stable key, e.g. a user id). Members of one chat take turns,
   * one message each, so one member's burst never holds up another member's answer.
   */
  readonly member?: string;
}

/**
 * Sends within a platform's rate limits by waiting, never by dropping: a message waits for its
 * chat's interval, its group's minute window and the global second window. Each chat's messages go
 * one at a time; whose message goes next is decided when the chat's turn comes: command replies and
 * deliveries alternate, and within command replies the members take turns. Messages of one lane
 * and member go in the order they were queued.
 */
export interface SendQueue {
  /**
   * Runs `task` when the limits and the chat's turns allow; resolves to its result, or rejects with
   * its error. A failed task never holds up the chat's later messages.
   */
  send<T>(chatKey: string, isGroup: boolean, task: () => Promise<T>, options?: SendOptions): Promise<T>;
  /** Resolves when every queued message has been sent (or has failed for good). */
  idle(): Promise<void>;
  /**
   * `instances` processes send for the same bot: this one keeps to its share of the global limit
   * (at least one message a second).
   */
  share(instances: number): void;
  /**
   * The platform answered "too many requests" for the whole bot: nothing more leaves for `ms`, and
   * then the pace starts again from an empty bucket, rather than everything queued meanwhile going
   * at once (which would only earn more 429s).
   */
  pause(ms: number): void;
  /** Ends a pause early: a stop lets what waits run (and give up at once, its signal aborted). */
  resume(): void;
  /** Messages queued and not yet sent (a metric). */
  depth(): number;
}

const realClock: QueueClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** One queued message: its task, wrapped so that running it never throws. */
interface Job {
  readonly seq: number;
  readonly run: () => Promise<void>;
}

/** One lane of a chat: each member's waiting messages, and the turn each member was last served. */
interface Lane {
  readonly waiting: Map<string, Job[]>;
  readonly served: Map<string, number>;
}

/** A chat's waiting messages, by lane and member, while it has any. */
interface ChatLine {
  isGroup: boolean;
  readonly lanes: Record<SendLane, Lane>;
  lastLane: SendLane | null;
  turn: number;
  done: Promise<void>;
}

/** The member whose turn it is in a lane: the one served longest ago (or never), then the oldest message. */
function nextMember(lane: Lane): string | undefined {
  let best: { member: string; served: number; seq: number } | undefined;
  for (const [member, jobs] of lane.waiting) {
    const served = lane.served.get(member) ?? -1;
    const seq = jobs[0]?.seq ?? Infinity;
    if (!best || served < best.served || (served === best.served && seq < best.seq))
      best = { member, served, seq };
  }
  return best?.member;
}

function oldest(lane: Lane): number {
  let seq = Infinity;
  for (const jobs of lane.waiting.values()) seq = Math.min(seq, jobs[0]?.seq ?? Infinity);
  return seq;
}

/**
 * The next message of a chat. When both lanes wait they alternate, except that a member not yet
 * answered while the chat is busy goes first: a person waits for that answer, a digest does not
 * notice a second (and flood control bounds how many such members a chat can have).
 */
function pick(line: ChatLine): Job | undefined {
  const waiting = (['command', 'digest'] as const).filter((name) => line.lanes[name].waiting.size > 0);
  let name = waiting[0];
  if (waiting.length === 2) {
    const newcomer = !line.lanes.command.served.has(nextMember(line.lanes.command) ?? '');
    if (newcomer) name = 'command';
    else if (line.lastLane === null)
      name = oldest(line.lanes.command) < oldest(line.lanes.digest) ? 'command' : 'digest';
    else name = line.lastLane === 'command' ? 'digest' : 'command';
  }
  if (name === undefined) return undefined;
  const lane = line.lanes[name];
  const member = nextMember(lane);
  const jobs = member === undefined ? undefined : lane.waiting.get(member);
  if (member === undefined || !jobs) return undefined;
  const job = jobs.shift();
  if (jobs.length === 0) lane.waiting.delete(member);
  lane.served.set(member, line.turn++);
  line.lastLane = name;
  return job;
}

export function createSendQueue(limits: SendLimits, clock: QueueClock = realClock): SendQueue {
  const lines = new Map<string, ChatLine>();
  const lastSent = new Map<string, number>();
  const groupWindows = new Map<string, number[]>();
  let globalPerSecond = limits.globalPerSecond;
  let seq = 0;

  /** How long a chat must still wait for its own limits: its interval, and a group's minute. */
  function chatWait(chatKey: string, isGroup: boolean): number {
    const now = clock.now();
    let until = (lastSent.get(chatKey) ?? -Infinity) + limits.perChatIntervalMs;
    const group = (groupWindows.get(chatKey) ?? []).filter((t) => t > now - 60_000);
    groupWindows.set(chatKey, group);
    if (isGroup && group.length >= limits.groupPerMinute) until = Math.max(until, (group[0] ?? now) + 60_000);
    return Math.max(0, until - now);
  }

  // Spread evenly rather than in bursts at the start of each second: kinder to the platform, and
  // fewer messages in flight at any moment (so fewer caught by a crash between send and record).
  // The pace is 97% of the limit; a small bucket (`catchUpMs` worth, a quarter second unless the
  // platform says otherwise) lets a late timer or a busy event loop held up that long catch up
  // without losing pace (the count below keeps the catching up within the limit). It is for
  // catching up, not for a burst after a lull: after a quiet second the gate starts again from one
  // message.
  let tokens = 1;
  let filledAt = clock.now();
  let lastThrough = -Infinity;
  let pausedUntil = -Infinity;
  const pace = (): number => globalPerSecond * 0.97;
  const capacity = (): number => Math.max(1, Math.ceil((globalPerSecond * (limits.catchUpMs ?? 250)) / 1000));

  // What the platform counts in a second is what reached it, not what left the gate: a request
  // arrives some time after it was let through and before its answer comes back, and the way there
  // (a busy event loop, a new connection, the HTTP client's own queue) bunches requests that left
  // evenly, so a second of the platform's could see more than the limit although no second of the
  // gate's did (and a global 429 then stops every chat's sends). So a message counts from the
  // moment it is let through until a second after its answer came back: however requests bunch on
  // the way, any second of the platform's then sees at most the limit. The part of the round trip
  // that every request takes (the way there and back, the platform's own work) moves all arrivals
  // alike and bunches none, so the shortest of the last second's worth of round trips is taken off
  // the end (once there are that many: the first requests may all have been held up on the way):
  // a platform that takes 200 ms to answer is not held to five sixths of its limit.
  let inFlight = 0;
  /** When the answers of the last second or so came, in order. */
  const answered: number[] = [];
  /** How long the latest answers took from the gate, a second's worth at most. */
  const tookLately: number[] = [];
  const cap = (): number => Math.max(1, Math.floor(globalPerSecond));

  function refill(now: number): void {
    tokens = Math.min(capacity(), tokens + (Math.max(0, now - filledAt) * pace()) / 1000);
    filledAt = Math.max(filledAt, now);
  }

  /** How long the next message of any chat must still wait for the bot's overall limit. */
  function globalWait(): number {
    const now = clock.now();
    if (now < pausedUntil) return Math.ceil(pausedUntil - now);
    refill(now);
    // An answer counts until a second after it came, less the shortest round trip lately.
    const shortest = tookLately.length < cap() ? 0 : Math.min(...tookLately);
    while (answered.length && (answered[0] ?? now) - shortest <= now - 1000) answered.shift();
    // Full: wait for the earliest answer to leave the count (one still in flight leaves no sooner
    // than a second from now).
    const oldest = answered[0];
    let full = 0;
    if (inFlight + answered.length >= cap())
      full = oldest === undefined ? 1000 : oldest - shortest + 1000 - now;
    // Whole milliseconds: a fraction of one would let rounding keep the bucket just short of a token.
    const paced = tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * 1000) / pace());
    return Math.max(0, full, paced);
  }

  /** A message let through at `sentAt` has its answer (or was not sent after all: null). */
  function settled(sentAt: number | null): void {
    inFlight--;
    if (sentAt === null) return;
    const now = clock.now();
    answered.push(now);
    tookLately.push(now - sentAt);
    while (tookLately.length > cap()) tookLately.shift();
  }

  // The overall limit is one gate: chats whose own turn has come line up there, first come first
  // served, and one timer lets them through in turn, rather than every waiting chat waking up for
  // every message and all but one going back to sleep (which, with a thousand chats waiting, cost
  // more than the sends themselves).
  const gate: (() => void)[] = [];
  let gateOpen = false;
  async function letThrough(): Promise<void> {
    if (gateOpen) return;
    gateOpen = true;
    const now = clock.now();
    if (now - lastThrough >= 1000) {
      refill(now);
      tokens = Math.min(tokens, 1);
    }
    while (gate.length > 0) {
      // In steps of a quarter second at most, so that a pause ended early is seen.
      for (let wait = globalWait(); wait > 0; wait = globalWait()) await clock.sleep(Math.min(wait, 250));
      tokens -= 1;
      lastThrough = clock.now();
      inFlight++;
      gate.shift()?.();
    }
    gateOpen = false;
  }
  const passGate = (): Promise<void> =>
    new Promise((resolve) => {
      gate.push(resolve);
      void letThrough();
    });

  let sends = 0;
  let waitingJobs = 0;
  /** Forgets chats quiet for a minute: a bot with 100,000 chats must not keep them all. */
  function sweep(): void {
    const old = clock.now() - Math.max(60_000, limits.perChatIntervalMs);
    for (const [chatKey, at] of lastSent) {
      if (at < old && !lines.has(chatKey)) {
        lastSent.delete(chatKey);
        groupWindows.delete(chatKey);
      }
    }
  }

  async function drain(chatKey: string, line: ChatLine): Promise<void> {
    while (line.lanes.command.waiting.size > 0 || line.lanes.digest.waiting.size > 0) {
      // Wait for the chat's turn first and choose the message then, so whoever queued meanwhile
      // (another member, a digest) is considered.
      for (let wait = chatWait(chatKey, line.isGroup); wait > 0; wait = chatWait(chatKey, line.isGroup))
        await clock.sleep(wait);
      await passGate();
      const job = pick(line);
      if (job === undefined) {
        settled(null);
        break;
      }
      const at = clock.now();
      lastSent.set(chatKey, at);
      groupWindows.get(chatKey)?.push(at);
      if (++sends % 1000 === 0) sweep();
      waitingJobs--;
      await job.run();
      settled(at);
    }
    lines.delete(chatKey);
  }

  return {
    send<T>(chatKey: string, isGroup: boolean, task: () => Promise<T>, options: SendOptions = {}) {
      let line = lines.get(chatKey);
      const start = line === undefined;
      line ??= {
        isGroup,
        lanes: {
          command: { waiting: new Map(), served: new Map() },
          digest: { waiting: new Map(), served: new Map() },
        },
        lastLane: null,
        turn: 0,
        done: Promise.resolve(),
      };
      line.isGroup = isGroup;
      lines.set(chatKey, line);
      const flows = line.lanes[options.lane ?? 'digest'].waiting;
      const member = options.member ?? '';
      const result = new Promise<T>((resolve, reject) => {
        // A task that throws at once fails like one that rejects.
        const run = (): Promise<void> => new Promise<T>((ran) => ran(task())).then(resolve, reject);
        const job: Job = { seq: seq++, run };
        waitingJobs++;
        const jobs = flows.get(member);
        if (jobs) jobs.push(job);
        else flows.set(member, [job]);
      });
      // Started on the next tick, so the first turn sees everything queued together.
      if (start) line.done = Promise.resolve().then(() => drain(chatKey, line));
      return result;
    },
    async idle() {
      while (lines.size > 0) await Promise.all([...lines.values()].map((l) => l.done));
    },
    depth: () => waitingJobs,
    share(instances) {
      globalPerSecond = Math.max(1, Math.floor(limits.globalPerSecond / Math.max(1, instances)));
    },
    pause(ms) {
      const until = clock.now() + Math.max(0, ms);
      if (until <= pausedUntil) return;
      pausedUntil = until;
      tokens = 0;
      filledAt = until;
    },
    resume() {
      if (pausedUntil <= clock.now()) return;
      pausedUntil = -Infinity;
      filledAt = clock.now();
    },
  };
}
