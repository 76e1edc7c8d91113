/**
 * Politeness between newsdesk and the hosts it reads: at most `perHost` requests in flight to one
 * host and `global` overall, and a per-host "not before" time set from `Retry-After`.
 */
export interface HostGate {
  /** Waits for a free slot for `host`; call the returned function once the request is done. */
  acquire(host: string): Promise<() => void>;
  /** When `host` may next be asked (epoch ms), or undefined when it may be asked now. */
  notBefore(host: string): number | undefined;
  /** Records that `host` asked not to be contacted before `at` (epoch ms); keeps the later time. */
  deferUntil(host: string, at: number): void;
}

/** A counting semaphore whose waiters are served in arrival order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }

  async take(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    // The slot is handed over by `give`, so `active` is not incremented here.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** Creates a gate; `now` is the clock (epoch ms), passed in so tests control it. */
export function createHostGate(options: { perHost: number; global: number; now: () => number }): HostGate {
  const global = new Semaphore(options.global);
  const hosts = new Map<string, Semaphore>();
  const deferred = new Map<string, number>();

  return {
    async acquire(host) {
      let sem = hosts.get(host);
      if (!sem) {
        sem = new Semaphore(options.perHost);
        hosts.set(host, sem);
      }
      const hostSem = sem;
      // Host slot first, then a global one: a request waiting on a busy host holds no global slot.
      await hostSem.take();
      await global.take();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        global.give();
        hostSem.give();
        // Forget idle hosts so a long-running poller does not keep one entry per host ever seen.
        if (hostSem.idle) hosts.delete(host);
      };
    },
    notBefore(host) {
      const at = deferred.get(host);
      if (at === undefined) return undefined;
      if (at <= options.now()) {
        deferred.delete(host);
        return undefined;
      }
      return at;
    },
    deferUntil(host, at) {
      const current = deferred.get(host);
      if (current === undefined || at > current) deferred.set(host, at);
    },
  };
}
