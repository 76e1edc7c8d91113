import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { classifyAddress } from './address-policy.js';
import type { Allowlist } from './allowlist.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to every address it has (like `dns.lookup(host, { all: true })`). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** Why the guard refused a URL. */
export type GuardFailure = {
  readonly ok: false;
  readonly code: 'unsupported_scheme' | 'blocked_address' | 'dns_failed';
  readonly message: string;
};

/** The outcome of checking one URL before a request. */
export type GuardResult = { readonly ok: true; readonly addresses: ResolvedAddress[] } | GuardFailure;

/**
 * The SSRF guard: only http(s), and only to public addresses unless the allowlist says otherwise.
 * `checkUrl` gives a clear refusal before a request; `lookup` is handed to the socket layer so
 * the connection goes to an address checked at connect time, which defeats DNS rebinding
 * (a name that resolved to a public address for the check and a private one for the connect).
 */
export interface SsrfGuard {
  checkUrl(url: URL): Promise<GuardResult>;
  readonly lookup: LookupFunction;
}

/** The error code the guarded lookup fails a connection with. */
export const BLOCKED_LOOKUP_CODE = 'ENEWSDESK_BLOCKED';

/** Resolves with the operating system resolver, every address, in resolver order. */
export const systemResolveHost: ResolveHost = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Creates the guard from an allowlist and a resolver (injectable so tests need no real DNS). */
export function createSsrfGuard(
  allowlist: Allowlist,
  resolveHost: ResolveHost = systemResolveHost,
): SsrfGuard {
  async function resolveChecked(hostname: string): Promise<GuardResult> {
    const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    let addresses: ResolvedAddress[];
    if (ipaddr.isValid(host)) {
      addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
    } else {
      try {
        addresses = await resolveHost(host);
      } catch {
        return { ok: false, code: 'dns_failed', message: `could not resolve ${host}` };
      }
      if (addresses.length === 0) {
        return { ok: false, code: 'dns_failed', message: `${host} has no addresses` };
      }
    }
    if (allowlist.allowsHost(host)) return { ok: true, addresses };
    // Every address must pass: a name with one public and one private address is refused,
    // since the socket layer may pick either.
    for (const { address } of addresses) {
      const reason = classifyAddress(address);
      if (reason !== null && !allowlist.allowsAddress(address)) {
        const what = reason.replace(/_/g, ' ');
        return { ok: false, code: 'blocked_address', message: `refused ${host}: a ${what} address` };
      }
    }
    return { ok: true, addresses };
  }

  const lookup: LookupFunction = (hostname, options, callback) => {
    resolveChecked(hostname).then(
      (result) => {
        if (!result.ok) {
          const err: NodeJS.ErrnoException = new Error(result.message);
          err.code = result.code === 'blocked_address' ? BLOCKED_LOOKUP_CODE : 'ENOTFOUND';
          callback(err, '', 4);
          return;
        }
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const wanted = result.addresses.filter((a) => !family || a.family === family);
        if (options.all) callback(null, wanted);
        else if (wanted[0]) callback(null, wanted[0].address, wanted[0].family);
        else callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      },
      (err: unknown) => callback(err as NodeJS.ErrnoException, '', 4),
    );
  };

  return {
    async checkUrl(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return {
          ok: false,
          code: 'unsupported_scheme',
          message: `only http and https are fetched, not ${url.protocol}`,
        };
      }
      return resolveChecked(url.hostname);
    },
    lookup,
  };
}
