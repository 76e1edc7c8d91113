import { describe, expect, it } from 'vitest';
import { keyboardOf, readButton } from '../../../src/adapters/telegram/buttons.js';

describe('Telegram inline keyboards from reply actions', () => {
  it('GIVEN a choice THEN one row of answers whose data reads back as the command, marked as a choice', () => {
    const keyboard = keyboardOf({
      blocks: [],
      actions: [
        { label: 'Move', run: '/settings tz America/Argentina/ComodRivadavia move yes' },
        { label: 'Keep', run: '/settings tz America/Argentina/ComodRivadavia move no' },
      ],
      choice: true,
    });
    expect(keyboard?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([['Move', 'Keep']]);
    const data = keyboard!.inline_keyboard[0]!.map((b) => ('callback_data' in b ? b.callback_data : ''));
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    expect(readButton(data[0]!)).toEqual({
      line: '/settings tz America/Argentina/ComodRivadavia move yes',
      choice: true,
    });
  });

  it('GIVEN a command too long for Telegram’s 64 bytes, or no actions THEN no button for it; others stay', () => {
    const keyboard = keyboardOf({
      blocks: [],
      actions: [
        { label: 'Regions', run: '/regions' },
        { label: 'Too long', run: `/latest ${'ü'.repeat(40)}` },
      ],
    });
    expect(keyboard?.inline_keyboard).toEqual([[{ text: 'Regions', callback_data: 'run:/regions' }]]);
    expect(keyboardOf({ blocks: [] })).toBeUndefined();
    expect(readButton('more:123')).toBeNull();
  });
});
