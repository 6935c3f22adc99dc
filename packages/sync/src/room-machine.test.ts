import { describe, expect, it } from 'vitest';
import { seeded } from '../test/random';
import { expectedPosition } from './position';
import {
  applyCommand,
  checkCommandRate,
  COMMAND_RATE_DEFAULTS,
  createRoomMachine,
  mayControlPlayback,
  removeMember,
  reportBuffering,
  restoreRoomMachine,
  roomPositionAt,
  scheduleLeadMs,
  SCHEDULING_DEFAULTS,
  snapshotForJoin,
  tickRoomMachine,
  updateSyncSettings,
  type CommandContext,
  type MachineContext,
  type PlaybackCommand,
  type RoomMachine,
  type SyncErrorCode,
} from './room-machine';

const RTTS = [40, 120, 300];
/** Lead for RTTS: 300 / 2 + 100 ms margin. */
const LEAD = 250;
const GRACE = SCHEDULING_DEFAULTS.transitionGraceMs;
const at = (nowMs: number, over: Partial<CommandContext> = {}): CommandContext => ({
  nowMs,
  memberRttsMs: RTTS,
  memberId: 'leader',
  canControl: true,
  ...over,
});
const ctx = (nowMs: number): MachineContext => ({ nowMs, memberRttsMs: RTTS });

const fresh = (): RoomMachine => createRoomMachine({ nowMs: 0, mediaId: 'movie', durationSec: 3_600 });

/** Applies a command that must succeed. */
function must(machine: RoomMachine, command: PlaybackCommand, context: CommandContext): RoomMachine {
  const result = applyCommand(machine, command, context);
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.machine;
}

/** A room playing from 0 s since 1 250 ms (play at 1 000 + lead), grace over by 10 s. */
function playingRoom(): RoomMachine {
  return must(fresh(), { type: 'play', positionSec: 0, baseSeq: 0 }, at(1_000));
}

describe('scheduleLeadMs', () => {
  it.each<[string, number[], number]>([
    ['nobody measured yet: the floor', [], 100],
    ['fast members: the floor', [20, 40], 120],
    ['the slowest member sets it', [40, 120, 300], 250],
    ['capped', [5_000], 1_000],
    ['unknown or broken RTTs are ignored', [Number.NaN, -5, Infinity, 200], 200],
  ])('%s', (_name, rtts, lead) => {
    expect(scheduleLeadMs(rtts)).toBe(lead);
  });
});

describe('commands', () => {
  it('play, pause and seek land on the position the issuer saw, at a scheduled time', () => {
    let m = fresh();
    const play = applyCommand(m, { type: 'play', positionSec: 12, baseSeq: 0 }, at(1_000));
    expect(play.ok && play.transition).toEqual({
      cause: 'command',
      executeAtMs: 1_000 + LEAD,
      previous: m.playback,
      playback: { ...m.playback, isPlaying: true, positionSec: 12, updatedAtMs: 1_000 + LEAD, seq: 1 },
    });
    m = play.ok ? play.machine : m;
    expect(roomPositionAt(m, 1_100)).toBe(0);
    expect(roomPositionAt(m, 3_250)).toBeCloseTo(14, 9);

    m = must(m, { type: 'pause', positionSec: 20.5, baseSeq: 1 }, at(10_000));
    expect(m.playback).toMatchObject({ isPlaying: false, positionSec: 20.5, updatedAtMs: 10_250, seq: 2 });
    m = must(m, { type: 'seek', positionSec: 600, baseSeq: 2 }, at(12_000));
    expect(m.playback).toMatchObject({ isPlaying: false, positionSec: 600, seq: 3 });
  });

  it('a rate change keeps the position continuous', () => {
    const m = must(playingRoom(), { type: 'setRate', rate: 1.5, positionSec: 5, baseSeq: 1 }, at(11_250));
    expect(m.playback).toMatchObject({ rate: 1.5, updatedAtMs: 11_500, positionSec: 10.25 });
    expect(roomPositionAt(m, 13_500)).toBeCloseTo(13.25, 9);
  });

  it('new media starts where asked, at normal speed, with its own length', () => {
    const m = must(
      playingRoom(),
      { type: 'changeMedia', mediaId: 'song', durationSec: 200, positionSec: 0, autoplay: false, baseSeq: 1 },
      at(5_000),
    );
    expect(m.playback).toMatchObject({
      mediaId: 'song',
      durationSec: 200,
      isPlaying: false,
      positionSec: 0,
      rate: 1,
    });
    const unknownLength = must(
      m,
      { type: 'changeMedia', mediaId: 'live', positionSec: 0, autoplay: true, baseSeq: 2 },
      at(6_000),
    );
    expect(unknownLength.playback.durationSec).toBeUndefined();
  });

  it('executes transitions in order: a command right after another never executes before it', () => {
    let m = playingRoom();
    m = must(m, { type: 'seek', positionSec: 100, baseSeq: 1 }, at(20_000, { memberRttsMs: [2_000] }));
    const second = applyCommand(
      m,
      { type: 'pause', positionSec: 100, baseSeq: 2 },
      at(20_010, { memberRttsMs: [] }),
    );
    expect(second.ok && second.transition.executeAtMs).toBe(21_000);
  });

  it.each<[string, PlaybackCommand, Partial<CommandContext>, SyncErrorCode]>([
    [
      'a member who may not control',
      { type: 'pause', positionSec: 1, baseSeq: 1 },
      { canControl: false },
      'FORBIDDEN',
    ],
    ['a NaN position', { type: 'seek', positionSec: Number.NaN, baseSeq: 1 }, {}, 'INVALID_POSITION'],
    ['an infinite position', { type: 'seek', positionSec: Infinity, baseSeq: 1 }, {}, 'INVALID_POSITION'],
    ['a negative position', { type: 'seek', positionSec: -1, baseSeq: 1 }, {}, 'INVALID_POSITION'],
    ['a position past the end', { type: 'play', positionSec: 3_600.5, baseSeq: 1 }, {}, 'INVALID_POSITION'],
    [
      'a position that is not a number',
      { type: 'seek', positionSec: '12' as unknown as number, baseSeq: 1 },
      {},
      'INVALID_POSITION',
    ],
    ['a zero rate', { type: 'setRate', rate: 0, positionSec: 1, baseSeq: 1 }, {}, 'INVALID_RATE'],
    ['an absurd rate', { type: 'setRate', rate: 1e6, positionSec: 1, baseSeq: 1 }, {}, 'INVALID_RATE'],
    ['a NaN rate', { type: 'setRate', rate: Number.NaN, positionSec: 1, baseSeq: 1 }, {}, 'INVALID_RATE'],
    [
      'empty media',
      { type: 'changeMedia', mediaId: '  ', positionSec: 0, autoplay: false, baseSeq: 1 },
      {},
      'INVALID_MEDIA',
    ],
    [
      'a negative length',
      { type: 'changeMedia', mediaId: 'x', durationSec: -3, positionSec: 0, autoplay: false, baseSeq: 1 },
      {},
      'INVALID_MEDIA',
    ],
    [
      'a start past the new media end',
      { type: 'changeMedia', mediaId: 'x', durationSec: 10, positionSec: 11, autoplay: false, baseSeq: 1 },
      {},
      'INVALID_POSITION',
    ],
    ['a seq from the future', { type: 'pause', positionSec: 1, baseSeq: 9 }, {}, 'INVALID_COMMAND'],
    ['a fractional seq', { type: 'pause', positionSec: 1, baseSeq: 0.5 }, {}, 'INVALID_COMMAND'],
  ])('refuses %s (%s), with a sentence, and changes nothing', (_name, command, over, code) => {
    const m = playingRoom();
    const result = applyCommand(m, command, at(20_000, over));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(/^[A-Z].*\.$/);
    expect(result.machine).toBe(m);
  });

  it('refuses playback commands before any media was chosen', () => {
    const empty = createRoomMachine({ nowMs: 0 });
    const result = applyCommand(empty, { type: 'play', positionSec: 0, baseSeq: 0 }, at(1_000));
    expect(!result.ok && result.error.code).toBe('NO_MEDIA');
  });

  it('ignores a stale command: issued before another member’s newer one reached its issuer', () => {
    let m = playingRoom();
    m = must(m, { type: 'seek', positionSec: 100, baseSeq: 1 }, at(20_000, { memberId: 'a' }));
    const late = applyCommand(
      m,
      { type: 'seek', positionSec: 200, baseSeq: 1 },
      at(20_050, { memberId: 'b' }),
    );
    expect(!late.ok && late.error.code).toBe('STALE_COMMAND');
    // The same issuer's quick second command is not stale against their own first one.
    const own = applyCommand(
      m,
      { type: 'pause', positionSec: 100, baseSeq: 1 },
      at(20_060, { memberId: 'a' }),
    );
    expect(own.ok).toBe(true);
    // Nor is a command based on a system transition (a buffering pause) newer than the last command.
    const seen = applyCommand(
      m,
      { type: 'seek', positionSec: 300, baseSeq: 2 },
      at(21_000, { memberId: 'b' }),
    );
    expect(seen.ok).toBe(true);
  });

  it.each<['leader' | 'any', boolean, boolean]>([
    ['leader', true, true],
    ['leader', false, false],
    ['any', false, true],
    ['any', true, true],
  ])('control "%s": leader %s may control: %s', (control, isLeader, allowed) => {
    expect(mayControlPlayback(control, { isLeader })).toBe(allowed);
  });
});

describe('wait for everyone', () => {
  const stall = (m: RoomMachine, who: string, nowMs: number, buffering = true) =>
    reportBuffering(m, { memberId: who, buffering }, ctx(nowMs));

  it('pauses the room (scheduled) when someone stalls, and resumes when all are ready', () => {
    const m = playingRoom();
    const stalled = stall(m, 'slow', 10_000);
    expect(stalled.transitions).toHaveLength(1);
    const pause = stalled.transitions[0]!;
    expect(pause).toMatchObject({ cause: 'buffering', executeAtMs: 10_250 });
    expect(pause.playback).toMatchObject({
      isPlaying: false,
      positionSec: expectedPosition(m.playback, 10_250),
    });
    expect(stalled.nextTickAtMs).toBe(16_000);

    const second = stall(stalled.machine, 'other', 11_000);
    expect(second.transitions).toEqual([]);
    const oneReady = stall(second.machine, 'slow', 12_000, false);
    expect(oneReady.transitions).toEqual([]);
    const allReady = stall(oneReady.machine, 'other', 13_000, false);
    expect(allReady.transitions).toHaveLength(1);
    expect(allReady.transitions[0]).toMatchObject({ cause: 'all-ready', executeAtMs: 13_250 });
    expect(allReady.transitions[0]!.playback).toMatchObject({
      isPlaying: true,
      positionSec: pause.playback.positionSec,
    });
    expect(allReady.machine.wait).toBeNull();
  });

  it('resumes after the maximum wait, excusing the stalled member, who cannot pause the room again for that stall', () => {
    const stalled = stall(playingRoom(), 'slow', 10_000);
    expect(tickRoomMachine(stalled.machine, ctx(15_999)).transitions).toEqual([]);
    const timedOut = tickRoomMachine(stalled.machine, ctx(16_000));
    expect(timedOut.transitions[0]).toMatchObject({ cause: 'wait-timeout', playback: { isPlaying: true } });
    // Still stalled: reporting it again changes nothing, even after the grace period.
    expect(stall(timedOut.machine, 'slow', 30_000).transitions).toEqual([]);
    // Ready, then stalled again later: a new stall, a new wait.
    const ready = stall(timedOut.machine, 'slow', 31_000, false);
    expect(stall(ready.machine, 'slow', 40_000).transitions[0]).toMatchObject({ cause: 'buffering' });
  });

  it.each<[string, Partial<{ waitForEveryone: boolean; maxWaitMs: number }>]>([
    ['off', { waitForEveryone: false }],
    ['a maximum wait of 0 s', { maxWaitMs: 0 }],
  ])('never pauses with the wait %s', (_name, settings) => {
    let m = createRoomMachine({ nowMs: 0, mediaId: 'movie', settings });
    m = must(m, { type: 'play', positionSec: 0, baseSeq: 0 }, at(1_000));
    expect(stall(m, 'slow', 10_000)).toMatchObject({ transitions: [], nextTickAtMs: null });
  });

  it('a stall while paused does not pause anything', () => {
    expect(stall(fresh(), 'slow', 10_000).transitions).toEqual([]);
  });

  it('right after a seek everyone buffers: reports count only after the grace period, via tick', () => {
    const m = must(playingRoom(), { type: 'seek', positionSec: 500, baseSeq: 1 }, at(20_000));
    const early = stall(m, 'slow', 20_400);
    expect(early.transitions).toEqual([]);
    expect(early.nextTickAtMs).toBe(20_250 + GRACE);
    expect(stall(early.machine, 'slow', 20_900, false).nextTickAtMs).toBeNull();
    const due = tickRoomMachine(early.machine, ctx(20_250 + GRACE));
    expect(due.transitions[0]).toMatchObject({ cause: 'buffering' });
  });

  it('a stalled member who leaves is not waited for', () => {
    const stalled = stall(playingRoom(), 'slow', 10_000);
    const left = removeMember(stalled.machine, 'slow', ctx(11_000));
    expect(left.transitions[0]).toMatchObject({ cause: 'all-ready', playback: { isPlaying: true } });
  });

  it('a pause by the leader during the wait keeps the room paused (no automatic resume)', () => {
    const stalled = stall(playingRoom(), 'slow', 10_000);
    const paused = must(stalled.machine, { type: 'pause', positionSec: 9, baseSeq: 2 }, at(11_000));
    expect(paused.wait).toBeNull();
    expect(stall(paused, 'slow', 12_000, false).transitions).toEqual([]);
    expect(tickRoomMachine(paused, ctx(60_000)).transitions).toEqual([]);
  });

  it('a play by the leader during the wait ends it and goes on without the stalled member', () => {
    const stalled = stall(playingRoom(), 'slow', 10_000);
    const played = must(stalled.machine, { type: 'play', positionSec: 9, baseSeq: 2 }, at(11_000));
    expect(played.wait).toBeNull();
    expect(tickRoomMachine(played, ctx(11_000 + 2 * GRACE)).transitions).toEqual([]);
  });

  it('a seek during the wait moves the paused room, which then resumes from there', () => {
    const stalled = stall(playingRoom(), 'slow', 10_000);
    const moved = must(stalled.machine, { type: 'seek', positionSec: 700, baseSeq: 2 }, at(11_000));
    const ready = stall(moved, 'slow', 12_000, false);
    expect(ready.transitions[0]!.playback).toMatchObject({ isPlaying: true, positionSec: 700 });
  });

  it('settings: the maximum wait is 0-30 s; turning the wait off during a wait resumes the room', () => {
    const stalled = stall(playingRoom(), 'slow', 10_000);
    const bad = updateSyncSettings(stalled.machine, { maxWaitMs: 31_000 }, ctx(11_000));
    expect(!bad.ok && bad.error.code).toBe('INVALID_SETTING');
    const nan = updateSyncSettings(stalled.machine, { maxWaitMs: Number.NaN }, ctx(11_000));
    expect(nan.ok).toBe(false);
    const longer = updateSyncSettings(stalled.machine, { maxWaitMs: 20_000 }, ctx(11_000));
    expect(longer.ok && longer.update.nextTickAtMs).toBe(30_000);
    const off = updateSyncSettings(stalled.machine, { waitForEveryone: false }, ctx(11_000));
    expect(off.ok && off.update.transitions[0]).toMatchObject({
      cause: 'settings',
      playback: { isPlaying: true },
    });
  });

  it('never deadlocks: whatever members report, a paused-for-buffering room plays again within the maximum wait', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = seeded(seed);
      let m = playingRoom();
      let now = 10_000;
      for (let i = 0; i < 40; i++) {
        now += Math.floor(random() * 3_000);
        const who = `m${Math.floor(random() * 4)}`;
        const update = reportBuffering(m, { memberId: who, buffering: random() < 0.7 }, ctx(now));
        m = update.machine;
        const tick = tickRoomMachine(m, ctx(now));
        m = tick.machine;
        if (m.wait !== null) {
          expect(m.wait.deadlineMs - m.wait.startedAtMs).toBeLessThanOrEqual(m.settings.maxWaitMs);
          // Nobody ever reports again: the timer alone resumes the room.
          const resumed = tickRoomMachine(m, ctx(m.wait.deadlineMs));
          expect(resumed.machine.wait).toBeNull();
          expect(resumed.machine.playback.isPlaying).toBe(true);
        }
      }
    }
  });
});

describe('joining, reconnecting and restarting', () => {
  it('a joiner gets the state in force and the scheduled one, to land on the position', () => {
    const m = must(playingRoom(), { type: 'seek', positionSec: 300, baseSeq: 1 }, at(20_000));
    const during = snapshotForJoin(m, 20_100);
    expect(during.timeline.map((s) => s.seq)).toEqual([1, 2]);
    expect(during.positionSec).toBeCloseTo(expectedPosition(m.previous!, 20_100), 9);
    const after = snapshotForJoin(m, 30_000);
    expect(after).toMatchObject({ serverNowMs: 30_000, waitingForMembers: false });
    expect(after.timeline.map((s) => s.seq)).toEqual([2]);
    expect(after.positionSec).toBeCloseTo(300 + 9.75, 9);
  });

  it('survives a restart: same timeline, buffering forgotten, a pending wait still ends', () => {
    const stalled = reportBuffering(playingRoom(), { memberId: 'slow', buffering: true }, ctx(10_000));
    const saved = JSON.parse(JSON.stringify(stalled.machine)) as RoomMachine;
    const restored = restoreRoomMachine(saved, 30_000);
    expect(restored.buffering).toEqual([]);
    expect(roomPositionAt(restored, 31_000)).toBe(roomPositionAt(stalled.machine, 31_000));
    const tick = tickRoomMachine(restored, ctx(30_000));
    expect(tick.transitions[0]).toMatchObject({ cause: 'all-ready', playback: { isPlaying: true } });
    // Members reconnecting report buffering while loading: the grace period keeps that from pausing.
    const reconnecting = reportBuffering(tick.machine, { memberId: 'slow', buffering: true }, ctx(30_500));
    expect(reconnecting.transitions).toEqual([]);
  });
});

describe('checkCommandRate', () => {
  const { maxCommands, windowMs } = COMMAND_RATE_DEFAULTS;
  it.each<[string, number[], number, boolean]>([
    ['no recent commands', [], 10_000, true],
    ['just under the limit', Array.from({ length: maxCommands - 1 }, (_, i) => 9_000 + i), 10_000, true],
    ['at the limit', Array.from({ length: maxCommands }, (_, i) => 9_000 + i), 10_000, false],
    [
      'old commands no longer count',
      Array.from({ length: maxCommands }, (_, i) => 9_000 + i),
      9_000 + windowMs,
      true,
    ],
  ])('%s', (_name, recent, nowMs, allowed) => {
    const decision = checkCommandRate(recent, nowMs);
    expect(decision.allowed).toBe(allowed);
    if (decision.allowed) expect(decision.recentMs[decision.recentMs.length - 1]).toBe(nowMs);
    else {
      expect(decision.error.code).toBe('RATE_LIMITED');
      expect(decision.retryAfterMs).toBe(9_000 + windowMs - nowMs);
      expect(decision.error.message).toMatch(/Wait \d+ s/);
    }
  });

  it('refusing a flood leaves the room as it was: the next allowed command applies normally', () => {
    let recent: number[] = [];
    let m = playingRoom();
    let applied = 0;
    for (let i = 0; i < 20; i++) {
      const now = 20_000 + i * 50;
      const decision = checkCommandRate(recent, now);
      recent = decision.recentMs;
      if (!decision.allowed) continue;
      m = must(m, { type: 'seek', positionSec: 100 + i, baseSeq: m.playback.seq }, at(now));
      applied += 1;
    }
    expect(applied).toBe(maxCommands);
    expect(m.playback.seq).toBe(1 + maxCommands);
  });
});
