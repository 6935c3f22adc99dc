import { execFile } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_REFUSALS, videoRefusal } from './limits';
import { parseProbe, sniffContainer, UNREADABLE_VIDEO } from './probe';
import { hlsArguments, posterTimeS, renditionsFor, RENDITIONS } from './transcode';

const run = promisify(execFile);

/** The first bytes of `file`. */
async function head(file: string, count = 4096): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

describe('sniffContainer on the headers of files ffmpeg wrote', () => {
  let dir: string;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'wt-sniff-'));
    const source = ['-f', 'lavfi', '-i', 'testsrc=size=64x128:rate=10', '-t', '0.5'];
    const outputs: Record<string, string[]> = {
      'clip.mp4': ['-c:v', 'libx264', '-preset', 'ultrafast'],
      'clip.mov': ['-c:v', 'libx264', '-preset', 'ultrafast'],
      'clip.webm': ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '100k'],
      'clip.mkv': ['-c:v', 'libx264', '-preset', 'ultrafast'],
    };
    for (const [name, codec] of Object.entries(outputs)) {
      made[name] = path.join(dir, name);
      await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...source, ...codec, made[name]]);
    }
  }, 60_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it.each([
    ['clip.mp4', 'mp4'],
    ['clip.mov', 'mov'],
    ['clip.webm', 'webm'],
    ['clip.mkv', 'mkv'],
  ])('%s is %s', async (name, container) => {
    expect(sniffContainer(await head(made[name]!))).toBe(container);
  });

  it.each([
    ['plain text', Buffer.from('hello, this is not a video at all; just some words to fill the header')],
    ['a PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)])],
    ['a HEIC photo', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)])],
    ['an EBML file of another kind', Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x84, 0x61, 0x62, 0x63, 0x64, 0, 0])],
    ['nothing', Buffer.alloc(0)],
  ])('%s is refused', (_what, bytes) => {
    expect(sniffContainer(bytes)).toBeNull();
  });
});

describe('parseProbe', () => {
  const doc = (streams: object[], duration = '3.000000') => JSON.stringify({ streams, format: { duration } });

  it('reads size, duration and audio', () => {
    expect(parseProbe(doc([{ codec_type: 'video', width: 1080, height: 1920 }, { codec_type: 'audio' }]))).toEqual({
      ok: true,
      video: { durationMs: 3000, width: 1080, height: 1920, hasVideo: true, hasAudio: true },
    });
  });

  it('applies a quarter-turn rotation (phone recordings are stored landscape)', () => {
    const rotated = doc([{ codec_type: 'video', width: 1920, height: 1080, side_data_list: [{ rotation: -90 }] }]);
    expect(parseProbe(rotated)).toMatchObject({ ok: true, video: { width: 1080, height: 1920, hasAudio: false } });
    const tagged = doc([{ codec_type: 'video', width: 1920, height: 1080, tags: { rotate: '270' } }]);
    expect(parseProbe(tagged)).toMatchObject({ ok: true, video: { width: 1080, height: 1920 } });
    const upsideDown = doc([{ codec_type: 'video', width: 1080, height: 1920, side_data_list: [{ rotation: 180 }] }]);
    expect(parseProbe(upsideDown)).toMatchObject({ ok: true, video: { width: 1080, height: 1920 } });
  });

  it('does not count cover art as video, and refuses what it cannot read', () => {
    const song = doc([{ codec_type: 'audio' }, { codec_type: 'video', width: 500, height: 500, disposition: { attached_pic: 1 } }]);
    expect(parseProbe(song)).toMatchObject({ ok: true, video: { hasVideo: false } });
    expect(parseProbe('not json')).toEqual({ ok: false, reason: UNREADABLE_VIDEO });
    expect(parseProbe(doc([{ codec_type: 'video', width: 1080, height: 1920 }], 'N/A'))).toEqual({ ok: false, reason: UNREADABLE_VIDEO });
  });
});

describe('videoRefusal', () => {
  const video = { durationMs: 60_000, width: 1080, height: 1920, hasVideo: true, hasAudio: true };
  it.each([
    ['a vertical minute', video, null],
    ['4:5 (the widest vertical)', { ...video, width: 1080, height: 1350 }, null],
    ['square', { ...video, width: 1080, height: 1080 }, UPLOAD_REFUSALS.notVertical(1080, 1080)],
    ['landscape', { ...video, width: 1920, height: 1080 }, UPLOAD_REFUSALS.notVertical(1920, 1080)],
    ['half a second', { ...video, durationMs: 500 }, UPLOAD_REFUSALS.tooShort],
    ['16 minutes', { ...video, durationMs: 16 * 60_000 }, UPLOAD_REFUSALS.tooLong(16 * 60_000)],
    ['sound only', { ...video, hasVideo: false, width: 0, height: 0 }, UPLOAD_REFUSALS.noPicture],
  ])('%s', (_what, input, expected) => {
    expect(videoRefusal(input)).toBe(expected);
  });

  it('says how long a video is in words', () => {
    expect(UPLOAD_REFUSALS.tooLong(16 * 60_000 + 5_000)).toMatch(/^That video is 16 min 5 s long: episodes are at most 15 minutes\./);
  });
});

describe('renditions and ffmpeg arguments', () => {
  it.each([
    [1080, 1920, ['720p', '360p']],
    [720, 1280, ['720p', '360p']],
    [540, 960, ['360p']],
    [360, 640, ['360p']],
    [120, 240, ['360p']],
  ])('a %ix%i source gets %j', (width, height, names) => {
    expect(renditionsFor(width, height).map((r) => r.name)).toEqual(names);
  });

  it('takes the poster 1 s in, or mid-way through a shorter clip', () => {
    expect(posterTimeS(90_000)).toBe(1);
    expect(posterTimeS(1_200)).toBeCloseTo(0.6);
  });

  it('makes every rendition in one run with keyframes every 2 s and a master playlist', () => {
    const args = hlsArguments({ input: 'in.mp4', hlsDir: '/w/hls', posterFile: '/w/poster.jpg', renditions: RENDITIONS, hasAudio: true, posterAtS: 1 });
    const joined = args.join(' ');
    expect(args.filter((a) => a === '-i')).toHaveLength(1);
    expect(joined).toContain('split=3[s0][s1][sp]');
    expect(joined).toContain('scale=w=720:h=1280:force_original_aspect_ratio=decrease:force_divisible_by=2');
    expect(joined).toContain('-force_key_frames expr:gte(t,n_forced*2) -sc_threshold 0');
    expect(joined).toContain('-hls_time 2 -hls_playlist_type vod');
    expect(joined).toContain('-master_pl_name master.m3u8');
    expect(args[args.indexOf('-var_stream_map') + 1]).toBe('v:0,a:0,name:720p v:1,a:1,name:360p');
    expect(args.at(-1)).toBe('/w/poster.jpg');
  });

  it('maps no audio for a silent source', () => {
    const args = hlsArguments({ input: 'in.mp4', hlsDir: '/w/hls', posterFile: '/w/p.jpg', renditions: RENDITIONS, hasAudio: false, posterAtS: 1 });
    expect(args).not.toContain('0:a:0');
    expect(args).not.toContain('aac');
    expect(args[args.indexOf('-var_stream_map') + 1]).toBe('v:0,name:720p v:1,name:360p');
  });
});
