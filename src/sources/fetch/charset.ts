import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Decoded text and the charset it was decoded with. */
export interface DecodedText {
  readonly text: string;
  readonly charset: string;
}

// Labels whose real-world meaning is windows-1252 (as browsers treat them): bytes 0x80-0x9F are
// typographic quotes and dashes there, not C1 controls.
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);

function normaliseLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252';
  // A UTF-16 declaration without a BOM is a lie once the declaration itself read as ASCII.
  if (l.startsWith('utf-16') || l.startsWith('utf16')) return undefined;
  return iconv.encodingExists(l) ? l : undefined;
}

function sniffBom(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The `encoding` of an XML declaration, read from the first bytes as ASCII. */
export function sniffXmlEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  return /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/** The charset of an HTML `<meta charset>` or `<meta http-equiv content="...; charset=">`. */
export function sniffHtmlCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return /<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
}

/**
 * Turns body bytes into text. A BOM wins; otherwise the declared charsets (HTTP header, XML
 * declaration, HTML meta, in that order) are weighed against the bytes, because feeds lie:
 * bytes that are valid UTF-8 are read as UTF-8 if anything declared it, and bytes that are not
 * valid UTF-8 are read with the first single-byte charset declared. Whatever remains undecodable
 * becomes U+FFFD; decoding never throws.
 */
export function decodeBody(bytes: Buffer, headerCharset: string | undefined): DecodedText {
  const bom = sniffBom(bytes);
  if (bom) return { text: iconv.decode(bytes, bom), charset: bom };

  const declared = [headerCharset, sniffXmlEncoding(bytes), sniffHtmlCharset(bytes)]
    .map(normaliseLabel)
    .filter((c): c is string => c !== undefined);
  const valid = isUtf8(bytes);
  let charset: string;
  if (declared.length === 0) charset = 'utf-8';
  else if (valid && declared.includes('utf-8')) charset = 'utf-8';
  else if (!valid) charset = declared.find((c) => c !== 'utf-8') ?? 'utf-8';
  else charset = declared[0] ?? 'utf-8';
  return { text: iconv.decode(bytes, charset), charset };
}
