import ipaddr from 'ipaddr.js';

/** Why an address is refused; `null` from {@link classifyAddress} means it is public. */
export type AddressBlockReason =
  | 'not_an_ip'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'carrier_grade_nat'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'embedded_ipv4';

const v4Reasons: Partial<Record<string, AddressBlockReason>> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link_local',
  carrierGradeNat: 'carrier_grade_nat',
  multicast: 'multicast',
  broadcast: 'multicast',
  unspecified: 'unspecified',
};

const v6Reasons: Partial<Record<string, AddressBlockReason>> = {
  loopback: 'loopback',
  uniqueLocal: 'private',
  linkLocal: 'link_local',
  multicast: 'multicast',
  unspecified: 'unspecified',
  // These carry an IPv4 address inside an IPv6 one; a feed host never needs them, and allowing
  // them would mean re-checking the embedded address under every translation scheme.
  rfc6145: 'embedded_ipv4',
  rfc6052: 'embedded_ipv4',
  '6to4': 'embedded_ipv4',
  teredo: 'embedded_ipv4',
};

/**
 * Classifies an IP address: `null` when it is ordinary public unicast, else the reason to refuse it.
 * Deny by default: anything ipaddr.js does not call `unicast` is refused. IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it maps to.
 */
export function classifyAddress(address: string): AddressBlockReason | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return 'not_an_ip';
  const parsed = ipaddr.process(bare);
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    return range === 'unicast' ? null : (v4Reasons[range] ?? 'reserved');
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (range !== 'unicast') return v6Reasons[range] ?? 'reserved';
  // Deprecated IPv4-compatible form (::a.b.c.d): ipaddr.js calls it unicast, but some stacks
  // route it as the IPv4 address it embeds, so it is refused outright.
  return v6.parts.slice(0, 6).every((p) => p === 0) ? 'embedded_ipv4' : null;
}
