import { describe, expect, it } from 'vitest';
import { INITIAL_BUFFERING_REPORT, nextBufferingReport, type BufferingReportState } from './buffering-report';

/** Feeds (stalled, time) readings in order; returns what went to the room. */
function reports(readings: Array<[stalled: boolean, atMs: number]>): boolean[] {
  let state: BufferingReportState = INITIAL_BUFFERING_REPORT;
  const sent: boolean[] = [];
  for (const [stalled, atMs] of readings) {
    const next = nextBufferingReport(state, stalled, atMs, 500);
    state = next.state;
    if (next.send !== null) sent.push(next.send);
  }
  return sent;
}

describe('nextBufferingReport', () => {
  it.each([
    [
      'a short stall (a seek) is not reported',
      [
        [true, 0],
        [true, 400],
        [false, 450],
      ],
      [],
    ],
    [
      'a lasting stall is reported once, and its end',
      [
        [true, 0],
        [true, 500],
        [true, 900],
        [false, 1_000],
      ],
      [true, false],
    ],
    [
      'recovering without a report sends nothing',
      [
        [false, 0],
        [false, 100],
      ],
      [],
    ],
    [
      'a new stall starts its own delay',
      [
        [true, 0],
        [false, 100],
        [true, 200],
        [true, 600],
        [true, 700],
      ],
      [true],
    ],
  ] as const)('%s', (_name, readings, expected) => {
    expect(reports(readings.map(([s, t]) => [s, t]))).toEqual(expected);
  });
});
