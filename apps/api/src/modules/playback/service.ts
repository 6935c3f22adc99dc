import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import type { PlaybackSnapshot, PlaybackTransition, RoomRole, SyncSettings } from '@wt/schemas';
import {
  applyCommand,
  checkCommandRate,
  createRoomMachine,
  mayControlPlayback,
  reportBuffering,
  removeMember,
  snapshotForJoin,
  tickRoomMachine,
  updateSyncSettings,
  type MachineContext,
  type MachineUpdate,
  type PlaybackCommand,
  type RoomMachine,
  type SyncError,
} from '@wt/sync';
import { RoomError, roomErrors } from '../rooms/errors';
import type { Queryable } from '../rooms/views';
import { endWatchSessions, startWatchSession } from '../rooms/watch-sessions';

/**
 * Server-authoritative playback (issue 5). Each room's `@wt/sync` room machine lives in
 * `rooms.playback` (JSON); every change locks the room row, applies the pure machine and writes it
 * back in one transaction, so any API instance may take any command and a restart resumes the room.
 * Transitions are scheduled at a future server time (`executeAtMs`) for everyone to act together.
 */

export interface PlaybackDeps {
  db: Database;
  now: () => Date;
}

interface RoomPlaybackRow {
  playback: RoomMachine | null;
  platform: string;
  content_url: string | null;
  playback_control: 'leader' | 'any';
  leader_id: string;
  [key: string]: unknown;
}

/**
 * The stored machine, as it is: every instance reads and writes it under the row lock, so it is never
 * "restored" (restoreRoomMachine drops buffering reports, which would break a wait in progress). After
 * a full restart, stalls nobody reports again end with the wait's deadline.
 */
function machineOf(row: RoomPlaybackRow, mediaKey: (row: RoomPlaybackRow) => string | null, nowMs: number): RoomMachine {
  return row.playback ?? createRoomMachine({ nowMs, mediaId: mediaKey(row) });
}

async function lockRoom(tx: Queryable, roomId: string): Promise<RoomPlaybackRow> {
  const { rows } = await tx.execute<RoomPlaybackRow>(sql`
    SELECT playback, platform, content_url, playback_control, leader_id FROM rooms WHERE id = ${roomId} AND is_active FOR UPDATE`);
  if (!rows[0]) throw roomErrors.inactive();
  return rows[0];
}

/** The stored content's media key, `<platform>:<provider id or URL>` (views.contentMediaKey). */
export type MediaKeyOf = (row: { platform: string; content_url: string | null }) => string | null;

/**
 * Writes the machine and keeps `rooms.is_playing` (and so watch sessions) in step with it: a room
 * that starts playing opens sessions for the members connected now, one that stops closes them.
 */
async function save(
  tx: Queryable,
  roomId: string,
  before: RoomMachine,
  after: RoomMachine,
  connectedUserIds: readonly string[],
  now: Date,
): Promise<void> {
  const playing = after.playback.isPlaying;
  await tx.execute(sql`
    UPDATE rooms SET playback = ${JSON.stringify(after)}::jsonb, is_playing = ${playing}, updated_at = ${now} WHERE id = ${roomId}`);
  if (before.playback.isPlaying === playing) return;
  if (!playing) await endWatchSessions(tx, roomId, null, now);
  else for (const userId of connectedUserIds) await startWatchSession(tx, userId, roomId, now);
}

function syncRefusal(error: SyncError): RoomError {
  return new RoomError(error.code, error.message);
}

function wire(t: { cause: PlaybackTransition['cause']; playback: PlaybackTransition['playback']; previous: PlaybackTransition['previous']; executeAtMs: number }): PlaybackTransition {
  return { cause: t.cause, playback: t.playback, previous: t.previous, executeAtMs: t.executeAtMs };
}

export interface LiveMembers {
  /** Members connected to the room now, with their last reported round-trip time. */
  connected: { userId: string; rttMs: number | null }[];
}

function context(now: Date, live: LiveMembers): MachineContext {
  return { nowMs: now.getTime(), memberRttsMs: live.connected.map((m) => m.rttMs ?? Number.NaN) };
}

export interface PlaybackOutcome {
  transitions: PlaybackTransition[];
  /** The room is paused waiting for buffering members (it resumes by itself). */
  waitingForMembers: boolean;
  /** When the caller should tick the machine (a buffering wait's deadline), or null. */
  nextTickAtMs: number | null;
}

/**
 * play / pause / seek / setRate from a present member: the room's control rule (leader only, or any
 * member), the member's command budget, then the machine. `recentCommandsMs` is the member's command
 * history on this connection (flood control), updated in place.
 */
export async function playbackCommand(
  deps: PlaybackDeps & { mediaKey: MediaKeyOf },
  userId: string,
  roomId: string,
  command: PlaybackCommand,
  live: LiveMembers,
  recentCommandsMs: number[],
): Promise<PlaybackOutcome & { transition: PlaybackTransition }> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockRoom(tx, roomId);
    const { rows } = await tx.execute<{ role: RoomRole }>(
      sql`SELECT role FROM room_members WHERE room_id = ${roomId} AND user_id = ${userId} AND left_at IS NULL`,
    );
    if (!rows[0]) throw roomErrors.notMember();
    const canControl = mayControlPlayback(row.playback_control, { isLeader: row.leader_id === userId });
    if (!canControl) {
      throw new RoomError('FORBIDDEN', 'Only the leader can control playback in this room. Ask them to let everyone control it.');
    }
    const budget = checkCommandRate(recentCommandsMs, now.getTime());
    if (!budget.allowed) throw syncRefusal(budget.error);
    recentCommandsMs.splice(0, recentCommandsMs.length, ...budget.recentMs);

    const machine = machineOf(row, deps.mediaKey, now.getTime());
    const result = applyCommand(machine, command, { ...context(now, live), memberId: userId, canControl });
    if (!result.ok) throw syncRefusal(result.error);
    await save(tx, roomId, machine, result.machine, live.connected.map((m) => m.userId), now);
    const transition = wire(result.transition);
    return { transition, transitions: [transition], nextTickAtMs: result.nextTickAtMs, waitingForMembers: result.machine.wait !== null };
  });
}

/** Runs a machine update (buffering report, member gone, tick, settings) under the room lock. */
async function updateMachine(
  deps: PlaybackDeps & { mediaKey: MediaKeyOf },
  roomId: string,
  live: LiveMembers,
  step: (machine: RoomMachine, ctx: MachineContext) => MachineUpdate,
): Promise<PlaybackOutcome & { machine: RoomMachine }> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockRoom(tx, roomId);
    const machine = machineOf(row, deps.mediaKey, now.getTime());
    const update = step(machine, context(now, live));
    if (update.machine !== machine) {
      await save(tx, roomId, machine, update.machine, live.connected.map((m) => m.userId), now);
    }
    return {
      transitions: update.transitions.map(wire),
      nextTickAtMs: update.nextTickAtMs,
      waitingForMembers: update.machine.wait !== null,
      machine: update.machine,
    };
  });
}

/** A member's player stalled or recovered ("wait for everyone" may pause the room). */
export function bufferingReport(
  deps: PlaybackDeps & { mediaKey: MediaKeyOf },
  userId: string,
  roomId: string,
  buffering: boolean,
  live: LiveMembers,
): Promise<PlaybackOutcome> {
  return updateMachine(deps, roomId, live, (m, ctx) => reportBuffering(m, { memberId: userId, buffering }, ctx));
}

/** A member left: the room stops waiting for them. */
export function memberGone(deps: PlaybackDeps & { mediaKey: MediaKeyOf }, userId: string, roomId: string, live: LiveMembers): Promise<PlaybackOutcome> {
  return updateMachine(deps, roomId, live, (m, ctx) => removeMember(m, userId, ctx));
}

/** Carries out what is due (a wait that timed out, a stall whose grace ended). Idempotent. */
export function tickPlayback(deps: PlaybackDeps & { mediaKey: MediaKeyOf }, roomId: string, live: LiveMembers): Promise<PlaybackOutcome> {
  return updateMachine(deps, roomId, live, (m, ctx) => tickRoomMachine(m, ctx));
}

/** The leader's "wait for everyone" settings. */
export async function setSyncSettings(
  deps: PlaybackDeps & { mediaKey: MediaKeyOf },
  userId: string,
  roomId: string,
  patch: { waitForEveryone?: boolean | undefined; maxWaitSec?: number | undefined },
  live: LiveMembers,
): Promise<PlaybackOutcome & { settings: SyncSettings }> {
  const { rows } = await deps.db.execute<{ leader_id: string }>(sql`SELECT leader_id FROM rooms WHERE id = ${roomId}`);
  if (rows[0]?.leader_id !== userId) throw roomErrors.forbidden('the leader can change how the room waits for buffering');
  let refusal: SyncError | null = null;
  const outcome = await updateMachine(deps, roomId, live, (m, ctx) => {
    const result = updateSyncSettings(
      m,
      {
        ...(patch.waitForEveryone === undefined ? {} : { waitForEveryone: patch.waitForEveryone }),
        ...(patch.maxWaitSec === undefined ? {} : { maxWaitMs: patch.maxWaitSec * 1000 }),
      },
      ctx,
    );
    if (!result.ok) {
      refusal = result.error;
      return { machine: m, transitions: [], nextTickAtMs: null };
    }
    return result.update;
  });
  if (refusal) throw syncRefusal(refusal);
  return { ...outcome, settings: { ...outcome.machine.settings } };
}

/**
 * The media's length, from the player of someone who may control playback (it bounds seeks). Others'
 * reports are ignored, and so is a second one: the first controller's player is believed.
 */
export async function reportDuration(
  deps: PlaybackDeps & { mediaKey: MediaKeyOf },
  userId: string,
  roomId: string,
  input: { mediaId: string; durationSec: number },
  live: LiveMembers,
): Promise<void> {
  const { rows } = await deps.db.execute<{ leader_id: string; playback_control: 'leader' | 'any' }>(
    sql`SELECT leader_id, playback_control FROM rooms WHERE id = ${roomId}`,
  );
  const room = rows[0];
  if (!room) throw roomErrors.notFound();
  if (!mayControlPlayback(room.playback_control, { isLeader: room.leader_id === userId })) return;
  await updateMachine(deps, roomId, live, (m) => {
    if (m.playback.mediaId !== input.mediaId || m.playback.durationSec !== undefined) {
      return { machine: m, transitions: [], nextTickAtMs: null };
    }
    return { machine: { ...m, playback: { ...m.playback, durationSec: input.durationSec } }, transitions: [], nextTickAtMs: null };
  });
}

/**
 * What plays changed (rooms.changeContent, already authorised): the machine moves to the new media,
 * paused at the start, continuing the seq so every client takes it.
 */
export async function changeMedia(
  tx: Queryable,
  roomId: string,
  mediaKey: string,
  userId: string,
  now: Date,
): Promise<PlaybackTransition | null> {
  const { rows } = await tx.execute<{ playback: RoomMachine | null }>(sql`SELECT playback FROM rooms WHERE id = ${roomId}`);
  const machine = rows[0]?.playback ?? createRoomMachine({ nowMs: now.getTime() });
  const result = applyCommand(
    machine,
    { type: 'changeMedia', mediaId: mediaKey, positionSec: 0, autoplay: false, baseSeq: machine.playback.seq },
    { nowMs: now.getTime(), memberRttsMs: [], memberId: userId, canControl: true },
  );
  if (!result.ok) return null;
  await tx.execute(sql`
    UPDATE rooms SET playback = ${JSON.stringify(result.machine)}::jsonb, is_playing = false, updated_at = ${now} WHERE id = ${roomId}`);
  return wire(result.transition);
}

/** A fresh machine for a new room (paused at the start of its content). */
export function initialPlayback(mediaKey: string | null, now: Date): RoomMachine {
  return createRoomMachine({ nowMs: now.getTime(), mediaId: mediaKey });
}

/** The `playback` part of a `room:join` snapshot. */
export async function playbackSnapshot(deps: PlaybackDeps & { mediaKey: MediaKeyOf }, roomId: string): Promise<PlaybackSnapshot> {
  const { rows } = await deps.db.execute<RoomPlaybackRow>(
    sql`SELECT playback, platform, content_url, playback_control, leader_id FROM rooms WHERE id = ${roomId}`,
  );
  const nowMs = deps.now().getTime();
  const machine = rows[0] ? machineOf(rows[0], deps.mediaKey, nowMs) : createRoomMachine({ nowMs });
  const snap = snapshotForJoin(machine, nowMs);
  return { ...snap, settings: { ...machine.settings } };
}

/** Rooms whose machine has something due (a wait deadline): every instance's sweep ticks them. */
export async function roomsWithDueTicks(db: Queryable, nowMs: number): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT id FROM rooms
    WHERE is_active AND playback IS NOT NULL AND playback -> 'wait' IS NOT NULL AND jsonb_typeof(playback -> 'wait') = 'object'
      AND (playback -> 'wait' ->> 'deadlineMs')::double precision <= ${nowMs}`);
  return rows.map((r) => r.id);
}
