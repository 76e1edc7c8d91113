import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../src/sources/ssrf/address-policy.js';
import { createAllowlist } from '../../../src/sources/ssrf/allowlist.js';
import { createSsrfGuard, type ResolveHost } from '../../../src/sources/ssrf/guard.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['100.64.0.1', 'carrier_grade_nat'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link_local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['::808:808', 'embedded_ipv4'],
    ['64:ff9b::a9fe:a9fe', 'embedded_ipv4'],
    ['2002:7f00:1::1', 'embedded_ipv4'],
    ['[::1]', 'loopback'],
    ['not-an-ip', 'not_an_ip'],
  ])('GIVEN %s THEN it is refused as %s', (address, reason) => {
    expect(classifyAddress(address)).toBe(reason);
  });

  it.each(['93.184.216.34', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])(
    'GIVEN the public address %s THEN it is allowed',
    (address) => {
      expect(classifyAddress(address)).toBeNull();
    },
  );
});

describe('createAllowlist', () => {
  it('GIVEN addresses, CIDRs and names THEN each allows what it names and nothing more', () => {
    const allow = createAllowlist(['127.0.0.1', '10.8.0.0/16', 'Feeds.Internal', ' ', '::1']);
    expect(allow.allowsAddress('127.0.0.1')).toBe(true);
    expect(allow.allowsAddress('::ffff:127.0.0.1')).toBe(true);
    expect(allow.allowsAddress('127.0.0.2')).toBe(false);
    expect(allow.allowsAddress('10.8.200.1')).toBe(true);
    expect(allow.allowsAddress('10.9.0.1')).toBe(false);
    expect(allow.allowsAddress('[::1]')).toBe(true);
    expect(allow.allowsHost('feeds.internal')).toBe(true);
    expect(allow.allowsHost('other.internal')).toBe(false);
  });
});

describe('createSsrfGuard', () => {
  const fakeDns =
    (table: Record<string, string[]>): ResolveHost =>
    (host) => {
      const found = table[host];
      if (!found) return Promise.reject(new Error('ENOTFOUND'));
      return Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    };
  const dns = fakeDns({
    'news.example': ['93.184.216.34'],
    'internal.example': ['10.0.0.5'],
    'mixed.example': ['93.184.216.34', '127.0.0.1'],
    'metadata.example': ['169.254.169.254'],
  });

  it('GIVEN a public host THEN the check passes with its addresses', async () => {
    const guard = createSsrfGuard(createAllowlist([]), dns);
    expect(await guard.checkUrl(new URL('https://news.example/rss'))).toEqual({
      ok: true,
      addresses: [{ address: '93.184.216.34', family: 4 }],
    });
  });

  it('GIVEN non-http schemes THEN they are refused before any lookup', async () => {
    const guard = createSsrfGuard(createAllowlist([]), () => Promise.reject(new Error('must not resolve')));
    for (const url of [
      'file:///etc/passwd',
      'ftp://news.example/x',
      'gopher://news.example/',
      'data:text/plain,hi',
    ]) {
      expect(await guard.checkUrl(new URL(url))).toMatchObject({ ok: false, code: 'unsupported_scheme' });
    }
  });

  it('GIVEN hosts resolving to private, metadata or mixed addresses THEN each is blocked', async () => {
    const guard = createSsrfGuard(createAllowlist([]), dns);
    for (const host of ['internal.example', 'metadata.example', 'mixed.example']) {
      expect(await guard.checkUrl(new URL(`http://${host}/`))).toMatchObject({
        ok: false,
        code: 'blocked_address',
      });
    }
  });

  it('GIVEN IP literals in their odd spellings THEN the URL parser normalises them and they are blocked', async () => {
    const guard = createSsrfGuard(createAllowlist([]), dns);
    for (const url of [
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/',
    ]) {
      expect(await guard.checkUrl(new URL(url))).toMatchObject({ ok: false, code: 'blocked_address' });
    }
  });

  it('GIVEN an unresolvable host THEN the failure is dns_failed', async () => {
    const guard = createSsrfGuard(createAllowlist([]), dns);
    expect(await guard.checkUrl(new URL('http://nowhere.example/'))).toMatchObject({
      ok: false,
      code: 'dns_failed',
    });
  });

  it('GIVEN an allowlisted address or name THEN the private target passes', async () => {
    const guard = createSsrfGuard(createAllowlist(['127.0.0.1', 'internal.example']), dns);
    expect(await guard.checkUrl(new URL('http://127.0.0.1:8080/'))).toMatchObject({ ok: true });
    expect(await guard.checkUrl(new URL('http://internal.example/'))).toMatchObject({ ok: true });
    expect(await guard.checkUrl(new URL('http://metadata.example/'))).toMatchObject({ ok: false });
  });

  it('GIVEN the socket lookup for a blocked name THEN it fails with the blocked code', async () => {
    const guard = createSsrfGuard(createAllowlist([]), dns);
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guard.lookup('internal.example', { all: true }, (e) => resolve(e)),
    );
    expect(err?.code).toBe('ENEWSDESK_BLOCKED');
    const ok = await new Promise<unknown>((resolve) =>
      guard.lookup('news.example', { all: true }, (_e, addresses) => resolve(addresses)),
    );
    expect(ok).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });
});
