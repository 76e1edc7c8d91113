/** Response headers as undici gives them. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** One header's value; repeated headers are joined with ", " as HTTP allows. */
export function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * When a `Retry-After` value (seconds, or an HTTP date) says to come back, as epoch ms.
 * Undefined when absent or unreadable. `now` is the clock in epoch ms.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(at, now);
}

/**
 * The freshness lifetime a `Cache-Control` header grants, in seconds, so polling can wait that
 * long. `no-cache`/`no-store` grant nothing.
 */
export function parseMaxAge(cacheControl: string | undefined): number | undefined {
  if (cacheControl === undefined) return undefined;
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.some((d) => d === 'no-cache' || d === 'no-store')) return undefined;
  for (const d of directives) {
    const m = /^max-age\s*=\s*"?(\d+)"?$/.exec(d);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return undefined;
}

/** A parsed `Content-Type`: the media type in lower case, and the charset if one was declared. */
export interface ContentType {
  readonly mediaType: string;
  readonly charset: string | undefined;
}

export function parseContentType(value: string | undefined): ContentType {
  if (value === undefined) return { mediaType: '', charset: undefined };
  const [type = '', ...params] = value.split(';');
  let charset: string | undefined;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m?.[1] !== undefined) charset = m[1].toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}
