/*
 * The server's playback state of one room, as a pure state machine: the API holds a `RoomMachine`,
 * passes it the time and the members' round-trip times, broadcasts the transitions it returns, and
 * calls `tickRoomMachine` at `nextTickAtMs` with a real timer. Every transition executes at a future
 * server time (`executeAtMs`) far enough ahead for the slowest member to receive it, so all players act
 * together. The machine is plain data (JSON-safe), so the API can persist it and restore it.
 *
 * "Wait for everyone": while the room plays, a member who stalls (reports buffering) pauses the room
 * with a scheduled pause; the room resumes with a scheduled play once nobody is buffering, or when the
 * maximum wait passes (the members still stalled are then excused and catch up by themselves, so the
 * room can never wait forever). Right after a transition that moves playback (play, seek, new media,
 * a resume) everyone buffers a little: such reports only count once `transitionGraceMs` has passed.
 */
import { expectedPosition, type RoomPlayback } from './position';

export interface RoomSyncSettings {
  /** Pause the room while a member buffers (the room setting, on by default). */
  waitForEveryone: boolean;
  /** Longest the room waits for buffering members, ms (0-30 000; 0 never waits). */
  maxWaitMs: number;
}

export const ROOM_SYNC_DEFAULTS: RoomSyncSettings = { waitForEveryone: true, maxWaitMs: 6_000 };
export const MAX_WAIT_LIMIT_MS = 30_000;

export interface SchedulingOptions {
  /** Bounds of the execution lead, ms. */
  minLeadMs: number;
  maxLeadMs: number;
  /** Added to the slowest member's one-way latency for jitter and processing, ms. */
  leadMarginMs: number;
  /** After a transition that moves playback, buffering reports wait this long before they count, ms. */
  transitionGraceMs: number;
}

export const SCHEDULING_DEFAULTS: SchedulingOptions = {
  minLeadMs: 100,
  maxLeadMs: 1_000,
  leadMarginMs: 100,
  transitionGraceMs: 2_000,
};

/** Playback rates a room accepts. */
export const ROOM_RATE_RANGE = { min: 0.25, max: 2 } as const;

export interface BufferingMember {
  memberId: string;
  sinceMs: number;
  /** Still stalled when a wait timed out: the room no longer waits for this stall. */
  excused: boolean;
}

export interface RoomMachine {
  /** The latest state; its `updatedAtMs` may lie in the future (a scheduled transition). */
  playback: RoomPlayback;
  /** The state in force until `playback.updatedAtMs`. */
  previous: RoomPlayback | null;
  /** Seq and issuer of the last accepted command, for the stale check. */
  lastCommandSeq: number;
  lastCommandBy: string | null;
  settings: RoomSyncSettings;
  buffering: readonly BufferingMember[];
  /** A pause for buffering members in progress: resumes by `deadlineMs` at the latest. */
  wait: { startedAtMs: number; deadlineMs: number } | null;
  /** Buffering reports do not pause the room before this server time. */
  graceUntilMs: number;
}

export type PlaybackCommand =
  | { type: 'play'; positionSec: number; baseSeq: number }
  | { type: 'pause'; positionSec: number; baseSeq: number }
  | { type: 'seek'; positionSec: number; baseSeq: number }
  | { type: 'setRate'; rate: number; positionSec: number; baseSeq: number }
  | {
      type: 'changeMedia';
      mediaId: string;
      durationSec?: number;
      positionSec: number;
      autoplay: boolean;
      baseSeq: number;
    };

/** What the caller knows at the moment: the server time and every connected member's round-trip time. */
export interface MachineContext {
  nowMs: number;
  memberRttsMs: readonly number[];
}

export interface CommandContext extends MachineContext {
  memberId: string;
  /**
   * Whether this member may control playback: the caller decides (leader-only or any member, per
   * room setting; `mayControlPlayback` is the usual rule). The machine refuses when false.
   */
  canControl: boolean;
}

export type TransitionCause = 'command' | 'buffering' | 'all-ready' | 'wait-timeout' | 'settings';

/** What to broadcast: the new state, executing at `executeAtMs`, and the state in force until then. */
export interface ScheduledTransition {
  cause: TransitionCause;
  playback: RoomPlayback;
  previous: RoomPlayback;
  executeAtMs: number;
}

export type SyncErrorCode =
  | 'FORBIDDEN'
  | 'NO_MEDIA'
  | 'INVALID_POSITION'
  | 'INVALID_RATE'
  | 'INVALID_MEDIA'
  | 'INVALID_COMMAND'
  | 'INVALID_SETTING'
  | 'STALE_COMMAND'
  | 'RATE_LIMITED';

/** A refusal: a stable code and a sentence that says what to do. */
export interface SyncError {
  code: SyncErrorCode;
  message: string;
}

export type CommandResult =
  | { ok: true; machine: RoomMachine; transition: ScheduledTransition; nextTickAtMs: number | null }
  | { ok: false; machine: RoomMachine; error: SyncError };

export interface MachineUpdate {
  machine: RoomMachine;
  transitions: ScheduledTransition[];
  /** When the caller's timer should call `tickRoomMachine` next, or null when nothing is due. */
  nextTickAtMs: number | null;
}

// ---------- creation, restore, reading ----------

export function createRoomMachine(input: {
  nowMs: number;
  mediaId?: string | null;
  durationSec?: number;
  settings?: Partial<RoomSyncSettings>;
}): RoomMachine {
  return {
    playback: {
      mediaId: input.mediaId ?? null,
      isPlaying: false,
      positionSec: 0,
      rate: 1,
      updatedAtMs: input.nowMs,
      seq: 0,
      ...(input.durationSec === undefined ? {} : { durationSec: input.durationSec }),
    },
    previous: null,
    lastCommandSeq: 0,
    lastCommandBy: null,
    settings: { ...ROOM_SYNC_DEFAULTS, ...input.settings },
    buffering: [],
    wait: null,
    graceUntilMs: input.nowMs,
  };
}

/**
 * A machine read back after a server restart. Playback resumes where the timeline says; buffering
 * reports are dropped (members reconnect and report again) and count only after a grace period; an
 * interrupted wait keeps its deadline, so the next tick resumes the room if it has passed.
 */
export function restoreRoomMachine(
  saved: RoomMachine,
  nowMs: number,
  options: SchedulingOptions = SCHEDULING_DEFAULTS,
): RoomMachine {
  return {
    ...saved,
    buffering: [],
    graceUntilMs: Math.max(saved.graceUntilMs, nowMs + options.transitionGraceMs),
  };
}

/** The state in force at server time `serverMs`. */
export function playbackAt(machine: RoomMachine, serverMs: number): RoomPlayback {
  return serverMs < machine.playback.updatedAtMs && machine.previous !== null
    ? machine.previous
    : machine.playback;
}

/** Where the room's media is at server time `serverMs`, in seconds. */
export function roomPositionAt(machine: RoomMachine, serverMs: number): number {
  return expectedPosition(playbackAt(machine, serverMs), serverMs);
}

/** Everything a joining or reconnecting member needs to land on the room's position. */
export interface JoinSnapshot {
  /** Server time of the snapshot: with the client's send and receive times, a first clock sample. */
  serverNowMs: number;
  /** The states to put in the client's timeline (the one in force, and a scheduled one if any). */
  timeline: RoomPlayback[];
  /** The room is paused waiting for buffering members; it resumes on its own. */
  waitingForMembers: boolean;
  positionSec: number;
}

export function snapshotForJoin(machine: RoomMachine, nowMs: number): JoinSnapshot {
  const scheduled = machine.playback.updatedAtMs > nowMs && machine.previous !== null;
  return {
    serverNowMs: nowMs,
    timeline: scheduled ? [machine.previous!, machine.playback] : [machine.playback],
    waitingForMembers: machine.wait !== null,
    positionSec: roomPositionAt(machine, nowMs),
  };
}

/** The usual control rule: the leader always, everyone when the room lets any member control. */
export function mayControlPlayback(control: 'leader' | 'any', member: { isLeader: boolean }): boolean {
  return control === 'any' || member.isLeader;
}

/**
 * How far ahead a transition executes: the slowest member's one-way latency (half its round trip)
 * plus a margin, within [minLeadMs, maxLeadMs]. Unknown (non-finite) round trips are ignored.
 */
export function scheduleLeadMs(
  memberRttsMs: readonly number[],
  options: SchedulingOptions = SCHEDULING_DEFAULTS,
): number {
  const slowest = memberRttsMs
    .filter((rtt) => Number.isFinite(rtt) && rtt >= 0)
    .reduce((a, b) => Math.max(a, b), 0);
  return Math.min(options.maxLeadMs, Math.max(options.minLeadMs, slowest / 2 + options.leadMarginMs));
}

// ---------- commands ----------

const fail = (machine: RoomMachine, code: SyncErrorCode, message: string): CommandResult => ({
  ok: false,
  machine,
  error: { code, message },
});

function formatTime(totalSec: number): string {
  const whole = Math.floor(totalSec);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function validatePosition(positionSec: unknown, durationSec: number | undefined): SyncError | null {
  if (typeof positionSec !== 'number' || !Number.isFinite(positionSec)) {
    return {
      code: 'INVALID_POSITION',
      message: 'That playback position is not a time. Reload the page and try again.',
    };
  }
  if (positionSec < 0 || (durationSec !== undefined && positionSec > durationSec)) {
    const range = durationSec === undefined ? 'after 0:00' : `between 0:00 and ${formatTime(durationSec)}`;
    return { code: 'INVALID_POSITION', message: `Pick a time ${range}.` };
  }
  return null;
}

function validateCommand(machine: RoomMachine, command: PlaybackCommand): SyncError | null {
  if (!Number.isInteger(command.baseSeq) || command.baseSeq < 0 || command.baseSeq > machine.playback.seq) {
    return {
      code: 'INVALID_COMMAND',
      message: 'Your player is out of step with the room. Reload the page and try again.',
    };
  }
  if (command.type === 'changeMedia') {
    if (
      typeof command.mediaId !== 'string' ||
      command.mediaId.trim() === '' ||
      command.mediaId.length > 512
    ) {
      return { code: 'INVALID_MEDIA', message: 'Choose something to watch: that content cannot be played.' };
    }
    const { durationSec } = command;
    if (durationSec !== undefined && !(Number.isFinite(durationSec) && durationSec > 0)) {
      return {
        code: 'INVALID_MEDIA',
        message: 'That content has no length we can play. Choose another link.',
      };
    }
    return validatePosition(command.positionSec, durationSec);
  }
  if (machine.playback.mediaId === null) {
    return {
      code: 'NO_MEDIA',
      message: 'Nothing is playing in this room yet. Choose something to watch first.',
    };
  }
  if (command.type === 'setRate') {
    const { rate } = command;
    if (
      typeof rate !== 'number' ||
      !Number.isFinite(rate) ||
      rate < ROOM_RATE_RANGE.min ||
      rate > ROOM_RATE_RANGE.max
    ) {
      return {
        code: 'INVALID_RATE',
        message: `Pick a playback speed between ${ROOM_RATE_RANGE.min}x and ${ROOM_RATE_RANGE.max}x.`,
      };
    }
  }
  return validatePosition(command.positionSec, machine.playback.durationSec);
}

/**
 * Applies a command from a member. Refusals leave the machine as it was (the caller sends the issuer
 * the room's state back, so their player returns to it). A command issued before another member's
 * newer command reached its issuer (`baseSeq` below that command's seq) is stale and ignored: two
 * people clicking at once end with the first one's choice everywhere. The room lands on the position
 * the issuer saw for play, pause and seek; a rate change keeps the position continuous.
 */
export function applyCommand(
  machine: RoomMachine,
  command: PlaybackCommand,
  ctx: CommandContext,
  options: SchedulingOptions = SCHEDULING_DEFAULTS,
): CommandResult {
  if (!ctx.canControl) {
    return fail(
      machine,
      'FORBIDDEN',
      'You cannot control playback in this room. Ask the leader to let everyone control it.',
    );
  }
  const invalid = validateCommand(machine, command);
  if (invalid !== null) return fail(machine, invalid.code, invalid.message);
  if (command.baseSeq < machine.lastCommandSeq && machine.lastCommandBy !== ctx.memberId) {
    return fail(
      machine,
      'STALE_COMMAND',
      'Someone changed playback just before you, and your player now follows them. Try again if you still want to.',
    );
  }

  const base = machine.playback;
  const executeAtMs = Math.max(ctx.nowMs + scheduleLeadMs(ctx.memberRttsMs, options), base.updatedAtMs);
  const common = { updatedAtMs: executeAtMs, seq: base.seq + 1 };
  let playback: RoomPlayback;
  let next: RoomMachine = machine;
  switch (command.type) {
    case 'play':
      playback = { ...base, ...common, isPlaying: true, positionSec: command.positionSec };
      // The issuer chose to go on: the wait ends, and the stalls it was waiting for are excused.
      next = { ...next, wait: null, buffering: excuseAll(next.buffering) };
      break;
    case 'pause':
      playback = { ...base, ...common, isPlaying: false, positionSec: command.positionSec };
      next = { ...next, wait: null };
      break;
    case 'seek':
      playback = { ...base, ...common, positionSec: command.positionSec };
      break;
    case 'setRate':
      playback = { ...base, ...common, rate: command.rate, positionSec: expectedPosition(base, executeAtMs) };
      break;
    case 'changeMedia': {
      const { durationSec: _old, ...rest } = base;
      playback = {
        ...rest,
        ...common,
        mediaId: command.mediaId,
        isPlaying: command.autoplay,
        positionSec: command.positionSec,
        rate: 1,
        ...(command.durationSec === undefined ? {} : { durationSec: command.durationSec }),
      };
      next = { ...next, wait: null, buffering: [] };
      break;
    }
  }
  const movesPlayback = command.type !== 'pause' && command.type !== 'setRate';
  next = {
    ...next,
    playback,
    previous: base,
    lastCommandSeq: playback.seq,
    lastCommandBy: ctx.memberId,
    graceUntilMs: movesPlayback
      ? Math.max(next.graceUntilMs, executeAtMs + options.transitionGraceMs)
      : next.graceUntilMs,
  };
  return {
    ok: true,
    machine: next,
    transition: { cause: 'command', playback, previous: base, executeAtMs },
    nextTickAtMs: roomNextTickAtMs(next),
  };
}

// ---------- buffering and the wait ----------

function excuseAll(buffering: readonly BufferingMember[]): BufferingMember[] {
  return buffering.map((b) => ({ ...b, excused: true }));
}

/** A member's player stalled (`buffering: true`) or has data again (`false`). */
export function reportBuffering(
  machine: RoomMachine,
  report: { memberId: string; buffering: boolean },
  ctx: MachineContext,
  options: SchedulingOptions = SCHEDULING_DEFAULTS,
): MachineUpdate {
  const others = machine.buffering.filter((b) => b.memberId !== report.memberId);
  const already = machine.buffering.find((b) => b.memberId === report.memberId);
  const buffering = report.buffering
    ? [...others, already ?? { memberId: report.memberId, sinceMs: ctx.nowMs, excused: false }]
    : others;
  return evaluateWait({ ...machine, buffering }, ctx, options);
}

/** A member left or disconnected: the room does not wait for them any more. */
export function removeMember(
  machine: RoomMachine,
  memberId: string,
  ctx: MachineContext,
  options: SchedulingOptions = SCHEDULING_DEFAULTS,
): MachineUpdate {
  return evaluateWait(
    { ...machine, buffering: machine.buffering.filter((b) => b.memberId !== memberId) },
    ctx,
    options,
  );
}

/**
 * Carries out what is due at `ctx.nowMs`: a wait that timed out, a stall whose grace period ended.
 * Calling it early or twice does no harm.
 */
export function tickRoomMachine(
  machine: RoomMachine,
  ctx: MachineContext,
  options: SchedulingOptions = SCHEDULING_DEFAULTS,
): MachineUpdate {
  return evaluateWait(machine, ctx, options);
}

/** Changes the wait settings; turning the wait off (or to 0 s) during a wait resumes the room. */
export function updateSyncSettings(
  machine: RoomMachine,
  patch: Partial<RoomSyncSettings>,
  ctx: MachineContext,
  options: SchedulingOptions = SCHEDULING_DEFAULTS,
): { ok: true; update: MachineUpdate } | { ok: false; error: SyncError } {
  const settings = { ...machine.settings, ...patch };
  if (
    !Number.isFinite(settings.maxWaitMs) ||
    settings.maxWaitMs < 0 ||
    settings.maxWaitMs > MAX_WAIT_LIMIT_MS
  ) {
    return {
      ok: false,
      error: {
        code: 'INVALID_SETTING',
        message: `Pick a maximum wait between 0 and ${MAX_WAIT_LIMIT_MS / 1000} seconds.`,
      },
    };
  }
  const wait =
    machine.wait === null
      ? null
      : { ...machine.wait, deadlineMs: machine.wait.startedAtMs + settings.maxWaitMs };
  return { ok: true, update: evaluateWait({ ...machine, settings, wait }, ctx, options) };
}

function waitEnabled(settings: RoomSyncSettings): boolean {
  return settings.waitForEveryone && settings.maxWaitMs > 0;
}

/** When the machine next has something to do on its own (a wait's deadline, the end of a grace period). */
export function roomNextTickAtMs(machine: RoomMachine): number | null {
  if (machine.wait !== null) return machine.wait.deadlineMs;
  const pending = machine.buffering.some((b) => !b.excused);
  return pending && waitEnabled(machine.settings) && machine.playback.isPlaying ? machine.graceUntilMs : null;
}

function schedule(
  machine: RoomMachine,
  cause: TransitionCause,
  change: Partial<RoomPlayback>,
  ctx: MachineContext,
  options: SchedulingOptions,
): { machine: RoomMachine; transition: ScheduledTransition } {
  const base = machine.playback;
  const executeAtMs = Math.max(ctx.nowMs + scheduleLeadMs(ctx.memberRttsMs, options), base.updatedAtMs);
  const playback: RoomPlayback = {
    ...base,
    positionSec: expectedPosition(base, executeAtMs),
    ...change,
    updatedAtMs: executeAtMs,
    seq: base.seq + 1,
  };
  return {
    machine: { ...machine, playback, previous: base },
    transition: { cause, playback, previous: base, executeAtMs },
  };
}

function evaluateWait(machine: RoomMachine, ctx: MachineContext, options: SchedulingOptions): MachineUpdate {
  const { nowMs } = ctx;
  if (machine.wait !== null) {
    const everyoneReady = machine.buffering.every((b) => b.excused);
    const timedOut = nowMs >= machine.wait.deadlineMs || !waitEnabled(machine.settings);
    if (!everyoneReady && !timedOut) return update(machine, []);
    const cause: TransitionCause = everyoneReady
      ? 'all-ready'
      : waitEnabled(machine.settings)
        ? 'wait-timeout'
        : 'settings';
    const resumed = schedule(machine, cause, { isPlaying: true }, ctx, options);
    const next: RoomMachine = {
      ...resumed.machine,
      wait: null,
      buffering: excuseAll(resumed.machine.buffering),
      graceUntilMs: resumed.transition.executeAtMs + options.transitionGraceMs,
    };
    return update(next, [resumed.transition]);
  }
  const stalled = machine.buffering.some((b) => !b.excused);
  if (
    !stalled ||
    !waitEnabled(machine.settings) ||
    !machine.playback.isPlaying ||
    nowMs < machine.graceUntilMs
  ) {
    return update(machine, []);
  }
  const paused = schedule(machine, 'buffering', { isPlaying: false }, ctx, options);
  const next: RoomMachine = {
    ...paused.machine,
    wait: { startedAtMs: nowMs, deadlineMs: nowMs + machine.settings.maxWaitMs },
  };
  return update(next, [paused.transition]);
}

function update(machine: RoomMachine, transitions: ScheduledTransition[]): MachineUpdate {
  return { machine, transitions, nextTickAtMs: roomNextTickAtMs(machine) };
}

// ---------- flood control ----------

export interface CommandRateLimit {
  maxCommands: number;
  windowMs: number;
}

/** A member may send this many playback commands per window (a seek bar dragged about stays under it). */
export const COMMAND_RATE_DEFAULTS: CommandRateLimit = { maxCommands: 6, windowMs: 3_000 };

export type CommandRateDecision =
  | { allowed: true; recentMs: number[] }
  | { allowed: false; recentMs: number[]; retryAfterMs: number; error: SyncError };

/**
 * Whether a member may send another command now, given the times of their recent ones. On `allowed`,
 * `recentMs` includes this command: store it for the next call. A refused command never reaches the
 * machine, so the room stays as it was and nobody desyncs.
 */
export function checkCommandRate(
  recentMs: readonly number[],
  nowMs: number,
  limit: CommandRateLimit = COMMAND_RATE_DEFAULTS,
): CommandRateDecision {
  const inWindow = recentMs.filter((t) => t > nowMs - limit.windowMs && t <= nowMs).sort((a, b) => a - b);
  if (inWindow.length < limit.maxCommands) return { allowed: true, recentMs: [...inWindow, nowMs] };
  const retryAfterMs = inWindow[inWindow.length - limit.maxCommands]! + limit.windowMs - nowMs;
  return {
    allowed: false,
    recentMs: inWindow,
    retryAfterMs,
    error: {
      code: 'RATE_LIMITED',
      message: `You are changing playback too quickly. Wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s and try again.`,
    },
  };
}
