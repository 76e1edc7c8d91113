import { once } from 'node:events';
import type { Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/**
 * Compresses `decodedBytes` of zeros by streaming one reused 1 MiB buffer, so the test itself
 * never holds the decoded size in memory. Zeros compress about 1000:1: a classic bomb.
 */
export async function compressedZeros(decodedBytes: number, encoding: 'gzip' | 'br'): Promise<Buffer> {
  const packer: Transform =
    encoding === 'gzip'
      ? createGzip({ level: 9 })
      : createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  const out: Buffer[] = [];
  packer.on('data', (chunk: Buffer) => out.push(chunk));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < decodedBytes; written += zeros.length) {
    if (!packer.write(zeros)) await once(packer, 'drain');
  }
  packer.end();
  await once(packer, 'end');
  return Buffer.concat(out);
}
