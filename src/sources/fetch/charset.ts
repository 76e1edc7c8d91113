import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

/** Decoded text and the charset it was decoded with. */
export interface DecodedText {
  readonly text: string;
  readonly charset: string;
}

// Labels whose real-world meaning is windows-1252 (as browsers treat them): bytes 0x80-0x9F are
// typographic quotes and dashes there, not C1 controls.
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);

/** How many bytes the charset detector reads: enough for a verdict, bounded on huge bodies. */
const DETECT_BYTES = 64 * 1024;

function normaliseLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252';
  // A UTF-16 or UTF-32 declaration that read as ASCII is a lie: those bodies are sniffed from their bytes.
  if (/^utf-?(16|32)/.test(l)) return undefined;
  return iconv.encodingExists(l) ? l : undefined;
}

function sniffBom(bytes: Buffer): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  // UTF-32LE's mark starts with UTF-16LE's, so it is checked first.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 and UTF-32 without a byte-order mark, told by where the zero bytes fall in the first
 * characters (which are ASCII in any feed: `<?xml`, `<rss`, `{`, whitespace), as the XML
 * specification's appendix F describes.
 */
function sniffWideUnicode(bytes: Buffer): string | undefined {
  if (bytes.length < 4) return undefined;
  const zero = [0, 1, 2, 3].map((i) => bytes[i] === 0);
  if (!zero[0] && zero[1] && zero[2] && zero[3]) return 'utf-32le';
  if (zero[0] && zero[1] && zero[2] && !zero[3]) return 'utf-32be';
  if (!zero[0] && zero[1] && !zero[2] && zero[3]) return 'utf-16le';
  if (zero[0] && !zero[1] && zero[2] && !zero[3]) return 'utf-16be';
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
 * The legacy charset bytes that are not UTF-8 are most likely in, by a statistical detector
 * (jschardet): Balkan and Eastern European outlets still serve windows-1250/1251 and ISO-8859-2
 * without saying so, Asian ones Big5, GB2312, Shift_JIS and EUC-KR. windows-1252 when it cannot tell.
 */
function detectLegacy(bytes: Buffer): string {
  const guess = jschardet.detect(bytes.subarray(0, DETECT_BYTES)).encoding?.toLowerCase();
  // Mostly UTF-8 with a broken sequence or two: read as UTF-8, the broken bytes as U+FFFD.
  if (guess === 'utf-8') return 'utf-8';
  if (!guess || guess === 'ascii' || guess.startsWith('utf')) return 'windows-1252';
  return normaliseLabel(guess) ?? 'windows-1252';
}

/**
 * Counts, in bytes that are not valid UTF-8, the multi-byte sequences that are valid and the bytes
 * that start none: UTF-8 with a few broken sequences has many more of the first.
 */
function utf8Evidence(bytes: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n > 0 && i + n <= bytes.length && isUtf8(bytes.subarray(i, i + n))) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * Turns body bytes into text. A BOM wins, then the zero-byte pattern of BOM-less UTF-16 and
 * UTF-32; otherwise the declared charsets (HTTP header, XML declaration, HTML meta, in that
 * order) are weighed against the bytes, because feeds lie: bytes that are valid UTF-8 are read as
 * UTF-8 unless only a single-byte charset was declared, and bytes that are not valid UTF-8 are read
 * with the first single-byte charset declared, or with the one a detector finds when none was
 * (or when only UTF-8 was, and the bytes are mostly not UTF-8).
 * Whatever remains undecodable becomes U+FFFD; decoding never throws.
 */
export function decodeBody(bytes: Buffer, headerCharset: string | undefined): DecodedText {
  const wide = sniffBom(bytes) ?? sniffWideUnicode(bytes);
  if (wide) return { text: stripBom(iconv.decode(bytes, wide)), charset: wide };

  const declared = [headerCharset, sniffXmlEncoding(bytes), sniffHtmlCharset(bytes)]
    .map(normaliseLabel)
    .filter((c): c is string => c !== undefined);
  const valid = isUtf8(bytes);
  let charset: string;
  if (valid) charset = declared.length === 0 || declared.includes('utf-8') ? 'utf-8' : declared[0]!;
  else {
    // A single-byte charset declared anywhere is believed; a bare UTF-8 label only while the
    // bytes are mostly UTF-8 (servers label everything UTF-8 by default).
    const legacy = declared.find((c) => c !== 'utf-8');
    const { valid: sequences, invalid: strays } = utf8Evidence(bytes);
    // Declared UTF-8 holds unless many bytes deny it; undeclared, valid sequences must outnumber strays.
    const utf8 = declared.length > 0 ? strays < 8 || sequences >= strays : sequences > strays;
    if (legacy) charset = legacy;
    else if (utf8) charset = 'utf-8';
    else charset = detectLegacy(bytes);
  }
  return { text: iconv.decode(bytes, charset), charset };
}

/** iconv-lite keeps a UTF-32 mark as U+FEFF; the parsers expect text without it. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
