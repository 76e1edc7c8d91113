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

  it('GIVEN an error THEN its message, stack, code and cause reach the log line, secrets still scrubbed', () => {
    const out = capture();
    const log = createLogger('info', [token], out.stream);
    const cause = new Error('socket hang up');
    const err = Object.assign(new Error(`token ${token} refused`, { cause }), { code: 'E_REFUSED' });
    log.error({ err, chatId: 5 }, 'send failed');
    const line = JSON.parse(out.text()) as {
      err: { message: string; stack: string; code: string; type: string };
    };
    expect(line.err.message).toContain('token [redacted] refused');
    expect(line.err.code).toBe('E_REFUSED');
    expect(line.err.type).toBe('Error');
    expect(line.err.stack).toContain('log.test.ts');
    expect(out.text()).toContain('socket hang up');
    expect(out.text()).not.toContain(token);
  });
});
