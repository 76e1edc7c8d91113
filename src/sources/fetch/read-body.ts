import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { TransferStats } from './errors.js';

/** Caps for reading one body. */
export interface BodyCaps {
  readonly maxBodyBytes: number;
  readonly maxDecodedBytes: number;
}

/** A body read in full, or why not; `stream_error` is a broken or aborted connection. */
export type BodyResult =
  | { readonly ok: true; readonly bytes: Buffer; readonly stats: TransferStats }
  | {
      readonly ok: false;
      readonly code: 'too_large' | 'decode_failed' | 'stream_error';
      readonly message: string;
      readonly cause?: unknown;
      readonly stats: TransferStats;
    };

class CapExceeded extends Error {}
class UnsupportedEncoding extends Error {}

function decoderFor(encoding: string): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    // RFC 9110 deflate is zlib-wrapped; the raw-deflate variant old IIS servers sent is not handled.
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    case 'identity':
    case '':
      return null;
    default:
      throw new UnsupportedEncoding(`unsupported content encoding "${encoding.slice(0, 20)}"`);
  }
}

/**
 * Reads a response body while counting: the wire bytes against `maxBodyBytes` and the bytes after
 * `Content-Encoding` decoding against `maxDecodedBytes`. Past either cap the streams are destroyed
 * at once (which aborts the connection), so memory stays near the cap whatever the server sends.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  caps: BodyCaps,
): Promise<BodyResult> {
  let bytesReceived = 0;
  let bytesDecoded = 0;
  const chunks: Buffer[] = [];
  const stats = (): TransferStats => ({ bytesReceived, bytesDecoded });

  let decoders: Transform[];
  try {
    // Encodings are listed in the order applied, so they are undone in reverse.
    const encodings = (contentEncoding ?? '')
      .toLowerCase()
      .split(',')
      .map((e) => e.trim());
    decoders = encodings
      .reverse()
      .map(decoderFor)
      .filter((d): d is Transform => d !== null);
  } catch (err) {
    body.destroy();
    return { ok: false, code: 'decode_failed', message: (err as Error).message, stats: stats() };
  }

  const wireCounter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesReceived += chunk.length;
      if (bytesReceived > caps.maxBodyBytes) done(new CapExceeded(`body over ${caps.maxBodyBytes} bytes`));
      else done(null, chunk);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytesDecoded += chunk.length;
      if (bytesDecoded > caps.maxDecodedBytes) {
        done(new CapExceeded(`decoded body over ${caps.maxDecodedBytes} bytes`));
        return;
      }
      chunks.push(chunk);
      done();
    },
  });

  try {
    await pipeline([body, wireCounter, ...decoders, sink]);
  } catch (err) {
    if (err instanceof CapExceeded)
      return { ok: false, code: 'too_large', message: err.message, stats: stats() };
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      return { ok: false, code: 'decode_failed', message: 'the compressed body is corrupt', stats: stats() };
    }
    return { ok: false, code: 'stream_error', message: 'the connection broke', cause: err, stats: stats() };
  }
  return { ok: true, bytes: Buffer.concat(chunks), stats: stats() };
}
