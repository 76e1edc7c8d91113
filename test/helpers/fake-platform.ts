// A chat platform that records what it is asked to deliver, for scheduler tests.
import type { Reply } from '../../src/core/briefing/index.js';
import type {
  ChatPlatform,
  Delivered,
  DeliveryOptions,
  Destination,
  PlatformName,
} from '../../src/platform.js';

export interface RecordedDelivery {
  readonly to: Destination;
  readonly reply: Reply;
  readonly options: DeliveryOptions;
}

export interface FakePlatform extends ChatPlatform {
  readonly delivered: RecordedDelivery[];
  readonly told: RecordedDelivery[];
  /** The next deliveries fail with these errors, one each, in order. */
  readonly failures: Error[];
}

export function createFakePlatform(name: PlatformName = 'telegram'): FakePlatform {
  const delivered: RecordedDelivery[] = [];
  const told: RecordedDelivery[] = [];
  const failures: Error[] = [];
  let next = 1;
  return {
    name,
    delivered,
    told,
    failures,
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    deliver(to, reply, options = {}): Promise<Delivered> {
      const failure = failures.shift();
      if (failure) return Promise.reject(failure);
      delivered.push({ to, reply, options });
      return Promise.resolve({ messageIds: [String(next++)] });
    },
    tellModerators(to, reply) {
      told.push({ to, reply, options: {} });
      return Promise.resolve();
    },
  };
}
