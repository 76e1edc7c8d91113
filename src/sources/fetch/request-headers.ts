/** Cache validators kept from an earlier fetch, sent back for a conditional GET. */
export interface Validators {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

/** The headers every request carries, plus the conditional ones when validators are known. */
export function requestHeaders(
  userAgent: string,
  accept: string,
  validators?: Validators,
): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** Basic credentials taken out of a URL, valid for one origin only. */
export interface OriginCredentials {
  readonly origin: string;
  readonly authorization: string;
}

/**
 * Moves `user:pass@` out of a URL into a Basic `Authorization` for that origin. The URL that is
 * left carries no secret, so it is safe as the base for item links and in results; the header
 * is only sent back to the same origin, never across a redirect to another host.
 */
export function takeCredentials(url: URL): { url: URL; credentials?: OriginCredentials } {
  if (url.username === '' && url.password === '') return { url };
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  const authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  return { url: bare, credentials: { origin: bare.origin, authorization } };
}
