import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('createLogger', () => {
  const token = '987654:AAH-very-secret-token';

  it('GIVEN a token in a logged object THEN it is redacted by path', () => {
    const out = capture();
    const log = createLogger('info', [], out.stream);
    log.info({ config: { TELEGRAM_BOT_TOKEN: token } }, 'starting');
    expect(out.text()).not.toContain(token);
    expect(out.text()).toContain('[redacted]');
  });

  it('GIVEN a token inside a message or an error THEN it is scrubbed by value', () => {
    const out = capture();
    const log = createLogger('info', [token], out.stream);
    log.error({ err: new Error(`request to /bot${token}/getMe failed`) }, `call with ${token} failed`);
    expect(out.text()).not.toContain(token);
    expect(out.text()).toContain('failed');
  });
});
