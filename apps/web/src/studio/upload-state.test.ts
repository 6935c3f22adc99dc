import { describe, expect, it } from 'vitest';
import { IDLE, isBusy, percentSent, uploadReducer, type UploadEvent, type UploadState } from './upload-state';

const run = (events: UploadEvent[], from: UploadState = IDLE) => events.reduce(uploadReducer, from);
const start: UploadEvent = { type: 'started', fileName: 'ep1.mp4', totalBytes: 1000, resumed: false };

describe('uploadReducer', () => {
  it('goes idle -> uploading -> done with progress', () => {
    const uploading = run([start, { type: 'progress', sentBytes: 250, totalBytes: 1000 }]);
    expect(uploading).toEqual({
      phase: 'uploading',
      fileName: 'ep1.mp4',
      sentBytes: 250,
      totalBytes: 1000,
      resumed: false,
    });
    expect(percentSent(uploading)).toBe(25);
    expect(isBusy(uploading)).toBe(true);
    const done = uploadReducer(uploading, { type: 'succeeded' });
    expect(done).toEqual({ phase: 'done', fileName: 'ep1.mp4' });
    expect(percentSent(done)).toBe(100);
    expect(isBusy(done)).toBe(false);
  });

  it('pauses and resumes, keeping what was sent', () => {
    const paused = run([start, { type: 'progress', sentBytes: 400, totalBytes: 1000 }, { type: 'paused' }]);
    expect(paused).toEqual({ phase: 'paused', fileName: 'ep1.mp4', sentBytes: 400, totalBytes: 1000 });
    expect(percentSent(paused)).toBe(40);
    expect(isBusy(paused)).toBe(true);
    expect(uploadReducer(paused, { type: 'resumed' })).toMatchObject({
      phase: 'uploading',
      sentBytes: 400,
      resumed: true,
    });
  });

  it('ignores progress that arrives after a pause or the end', () => {
    const paused = run([start, { type: 'progress', sentBytes: 400, totalBytes: 1000 }, { type: 'paused' }]);
    expect(uploadReducer(paused, { type: 'progress', sentBytes: 600, totalBytes: 1000 })).toBe(paused);
    const done = run([start, { type: 'succeeded' }]);
    expect(uploadReducer(done, { type: 'progress', sentBytes: 10, totalBytes: 1000 })).toBe(done);
  });

  it('never moves the bar backwards', () => {
    const state = run([
      start,
      { type: 'progress', sentBytes: 500, totalBytes: 1000 },
      { type: 'progress', sentBytes: 300, totalBytes: 1000 },
    ]);
    expect(percentSent(state)).toBe(50);
  });

  it('marks a resumed upload (found after a reload)', () => {
    expect(run([{ ...start, resumed: true } as UploadEvent])).toMatchObject({
      phase: 'uploading',
      resumed: true,
      sentBytes: 0,
    });
  });

  it('keeps the server sentence of a failure, from uploading or paused', () => {
    const message = 'This file is not a video. Choose an MP4, MOV, WebM or MKV file.';
    expect(run([start, { type: 'failed', message }])).toEqual({
      phase: 'failed',
      fileName: 'ep1.mp4',
      message,
    });
    expect(run([start, { type: 'paused' }, { type: 'failed', message }])).toMatchObject({
      phase: 'failed',
      message,
    });
  });

  it('refuses a file before sending it', () => {
    expect(run([{ type: 'refused', fileName: 'notes.txt', message: 'notes.txt is not a video.' }])).toEqual({
      phase: 'failed',
      fileName: 'notes.txt',
      message: 'notes.txt is not a video.',
    });
  });

  it('ignores moves that do not fit the phase', () => {
    expect(run([{ type: 'paused' }])).toBe(IDLE);
    expect(run([{ type: 'resumed' }])).toBe(IDLE);
    expect(run([{ type: 'succeeded' }])).toBe(IDLE);
    expect(run([{ type: 'failed', message: 'x' }])).toBe(IDLE);
    expect(run([start, { type: 'resumed' }])).toMatchObject({ phase: 'uploading', resumed: false });
  });

  it('starts over from a failure or the end', () => {
    expect(run([start, { type: 'failed', message: 'no' }, { type: 'reset' }])).toBe(IDLE);
    expect(run([start, { type: 'failed', message: 'no' }, start])).toMatchObject({ phase: 'uploading' });
  });
});

describe('percentSent', () => {
  it('is 0 for an empty total and at most 100', () => {
    expect(
      percentSent({ phase: 'uploading', fileName: 'a', sentBytes: 5, totalBytes: 0, resumed: false }),
    ).toBe(0);
    expect(
      percentSent({ phase: 'uploading', fileName: 'a', sentBytes: 1500, totalBytes: 1000, resumed: false }),
    ).toBe(100);
    expect(percentSent(IDLE)).toBe(0);
  });
});
