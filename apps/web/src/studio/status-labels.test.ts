import { describe, expect, it } from 'vitest';
import {
  anyProcessing,
  creatorStatusLabel,
  episodeCount,
  episodeStatusLabel,
  pipelineNote,
  seriesStatusLabel,
} from './status-labels';

describe('episodeStatusLabel', () => {
  it.each([
    ['draft', 'Draft'],
    ['processing', 'Processing…'],
    ['ready', 'Ready'],
    ['published', 'Published'],
  ] as const)('%s reads %s', (status, label) => expect(episodeStatusLabel(status).label).toBe(label));

  it('gives the reason of a failure', () => {
    expect(episodeStatusLabel('failed', 'The video is landscape; episodes are vertical.')).toEqual({
      label: 'Failed: The video is landscape; episodes are vertical.',
      tone: 'warning',
    });
  });

  it('says what to do when a failure has no reason', () => {
    expect(episodeStatusLabel('failed', null).label).toBe(
      'Failed: the video could not be processed. Upload it again.',
    );
    expect(episodeStatusLabel('failed', '  ').label).toMatch(/Upload it again/);
  });
});

describe('series and creator labels', () => {
  it('names each series status', () => {
    expect(['draft', 'published', 'archived'].map((s) => seriesStatusLabel(s as 'draft').label)).toEqual([
      'Draft',
      'Published',
      'Archived',
    ]);
  });

  it('names each creator status', () => {
    expect(creatorStatusLabel('applied').label).toBe('Waiting for review');
    expect(creatorStatusLabel('approved').tone).toBe('success');
    expect(creatorStatusLabel('rejected').label).toBe('Not approved');
  });
});

describe('pipelineNote', () => {
  it('says plainly when ffmpeg is missing', () => {
    expect(pipelineNote('mp4')).toMatch(
      /^ffmpeg is not installed on this server: videos play as uploaded \(no adaptive streaming\)/,
    );
  });

  it('describes HLS and Mux', () => {
    expect(pipelineNote('hls')).toMatch(/adaptive streaming/);
    expect(pipelineNote('mux')).toMatch(/Mux/);
  });
});

describe('episodeCount', () => {
  it('agrees in number', () => {
    expect(episodeCount(0)).toBe('0 episodes');
    expect(episodeCount(1)).toBe('1 episode');
    expect(episodeCount(2)).toBe('2 episodes');
  });
});

describe('anyProcessing', () => {
  it('is true while any episode of any season is processing', () => {
    expect(
      anyProcessing([{ episodes: [{ status: 'ready' }] }, { episodes: [{ status: 'processing' }] }]),
    ).toBe(true);
    expect(anyProcessing([{ episodes: [{ status: 'ready' }, { status: 'failed' }] }, { episodes: [] }])).toBe(
      false,
    );
    expect(anyProcessing([])).toBe(false);
  });
});
