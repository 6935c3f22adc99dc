import { describe, expect, it } from 'vitest';
import { readAck } from './room-socket';

describe('readAck', () => {
  it('passes a success and a refusal through', () => {
    expect(readAck({ ok: true, data: { a: 1 } })).toEqual({ ok: true, data: { a: 1 } });
    expect(readAck({ ok: true })).toEqual({ ok: true, data: null });
    expect(readAck({ ok: false, error: { code: 'SLOW_MODE', message: 'Slow mode: wait 3 s.' } })).toEqual({
      ok: false,
      error: { code: 'SLOW_MODE', message: 'Slow mode: wait 3 s.' },
    });
  });

  it('turns anything else into a sentence, never a crash', () => {
    for (const answer of [undefined, null, 'ok', { ok: false }, { ok: 'yes' }]) {
      expect(readAck(answer)).toMatchObject({ ok: false, error: { code: 'UNEXPECTED' } });
    }
  });
});
