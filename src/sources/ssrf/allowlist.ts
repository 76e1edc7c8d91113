import ipaddr from 'ipaddr.js';

/**
 * Hosts and networks the SSRF guard lets through even when they are loopback or private
 * (from `NEWSDESK_ALLOW_HOSTS`; tests use it for their 127.0.0.1 servers).
 */
export interface Allowlist {
  /** True when this host name (lower case, no brackets) was listed by name. */
  allowsHost(hostname: string): boolean;
  /** True when this IP address falls in a listed address or CIDR. */
  allowsAddress(address: string): boolean;
}

/**
 * Builds an allowlist from entries such as `127.0.0.1`, `10.0.0.0/8`, `::1`, `feeds.internal`.
 * An IP entry allows that address; a CIDR entry its network; a name entry that host name
 * whatever it resolves to.
 */
export function createAllowlist(entries: readonly string[]): Allowlist {
  const names = new Set<string>();
  const networks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    const entry = stripBrackets(raw.trim().toLowerCase());
    if (entry === '') continue;
    if (ipaddr.isValidCIDR(entry)) networks.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const ip = ipaddr.process(entry);
      networks.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else names.add(entry);
  }
  return {
    allowsHost: (hostname) => names.has(stripBrackets(hostname.toLowerCase())),
    allowsAddress(address) {
      const bare = stripBrackets(address);
      if (!ipaddr.isValid(bare)) return false;
      const ip = ipaddr.process(bare);
      return networks.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
    },
  };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
