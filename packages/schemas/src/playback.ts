import { z } from 'zod';
import { roomIdSchema } from './room-id';
import type { SocketError } from './socket';

/**
 * Playback sync (issue 5) on the /rooms namespace: clock samples, playback commands, buffering and
 * drift telemetry. The server holds the room's playback (`@wt/sync` room machine) and schedules every
 * transition at a future server time (`executeAtMs`) so all clients act together.
 */

/** The room's playback as the server broadcasts it (`RoomPlayback` of `@wt/sync`). */
export const roomPlaybackSchema = z.object({
  mediaId: z.string().nullable(),
  isPlaying: z.boolean(),
  positionSec: z.number(),
  rate: z.number(),
  /** Server time (ms) from which this state holds; in the future for a scheduled transition. */
  updatedAtMs: z.number(),
  seq: z.number().int(),
  durationSec: z.number().optional(),
});
export type RoomPlaybackWire = z.infer<typeof roomPlaybackSchema>;

export const PLAYBACK_CAUSES = ['command', 'buffering', 'all-ready', 'wait-timeout', 'settings'] as const;

export const playbackTransitionSchema = z.object({
  cause: z.enum(PLAYBACK_CAUSES),
  playback: roomPlaybackSchema,
  previous: roomPlaybackSchema,
  executeAtMs: z.number(),
});
export type PlaybackTransition = z.infer<typeof playbackTransitionSchema>;

export const syncSettingsSchema = z.object({
  waitForEveryone: z.boolean(),
  /** Longest the room waits for buffering members (0-30 000 ms; default 6 000). */
  maxWaitMs: z.number().int(),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/** Part of the `room:join` snapshot: everything to land on the room's position. */
export const playbackSnapshotSchema = z.object({
  serverNowMs: z.number(),
  /** The state in force, and a scheduled one if any. */
  timeline: z.array(roomPlaybackSchema),
  waitingForMembers: z.boolean(),
  positionSec: z.number(),
  settings: syncSettingsSchema,
});
export type PlaybackSnapshot = z.infer<typeof playbackSnapshotSchema>;

const positionSec = z
  .number({ message: 'The position must be a number of seconds.' })
  .finite({ message: 'The position must be a number of seconds.' })
  .min(0, { message: 'The position cannot be before the start.' })
  .max(7 * 24 * 3600, { message: 'That position is past the end.' });
const baseSeq = z.number().int().min(0);

// ---- client -> server ----
/** NTP-style clock sample: the client's send time; the ack carries the server's receive and send times. */
export const timeSyncPayload = z.object({ t0: z.number().finite() });
export const playPayload = z.object({ roomId: roomIdSchema, positionSec, baseSeq });
export const pausePayload = playPayload;
export const seekPayload = playPayload;
export const ratePayload = z.object({
  roomId: roomIdSchema,
  rate: z
    .number({ message: 'Choose a playback speed.' })
    .finite({ message: 'Choose a playback speed.' })
    .min(0.25, { message: 'Playback speed is at least 0.25×.' })
    .max(2, { message: 'Playback speed is at most 2×.' }),
  positionSec,
  baseSeq,
});
/** The media's length, as the player of someone who may control playback read it. */
export const durationPayload = z.object({
  roomId: roomIdSchema,
  mediaId: z.string().min(1).max(300),
  durationSec: z.number().finite().positive().max(7 * 24 * 3600),
});
/** Telemetry every second: the client's smoothed drift and its round-trip time to the server. */
export const driftPayload = z.object({
  roomId: roomIdSchema,
  driftMs: z.number().finite().min(-3_600_000).max(3_600_000),
  rttMs: z.number().finite().min(0).max(60_000),
});
export const syncSettingsPayload = z.object({
  roomId: roomIdSchema,
  waitForEveryone: z.boolean().optional(),
  maxWaitSec: z
    .number({ message: 'Pick a maximum wait in seconds.' })
    .int({ message: 'Pick a whole number of seconds.' })
    .min(0, { message: 'Pick a maximum wait between 0 and 30 seconds.' })
    .max(30, { message: 'Pick a maximum wait between 0 and 30 seconds.' })
    .optional(),
});

/** A member's sync state for the roster: smoothed drift, null while unknown. */
export const memberSyncSchema = z.object({ userId: z.string().uuid(), driftMs: z.number().nullable() });
export type MemberSync = z.infer<typeof memberSyncSchema>;

type AckFn<T> = (ack: { ok: true; data: T } | { ok: false; error: SocketError }) => void;
type Payload<S extends z.ZodType> = z.input<S>;

export interface PlaybackClientToServerEvents {
  'time:sync': (p: Payload<typeof timeSyncPayload>, ack: AckFn<{ t1: number; t2: number }>) => void;
  'video:play': (p: Payload<typeof playPayload>, ack: AckFn<PlaybackTransition>) => void;
  'video:pause': (p: Payload<typeof pausePayload>, ack: AckFn<PlaybackTransition>) => void;
  'video:seek': (p: Payload<typeof seekPayload>, ack: AckFn<PlaybackTransition>) => void;
  'video:rate': (p: Payload<typeof ratePayload>, ack: AckFn<PlaybackTransition>) => void;
  'video:duration': (p: Payload<typeof durationPayload>, ack?: AckFn<null>) => void;
  'video:drift': (p: Payload<typeof driftPayload>, ack?: AckFn<null>) => void;
  'video:sync_settings': (p: Payload<typeof syncSettingsPayload>, ack: AckFn<SyncSettings>) => void;
}

export interface PlaybackServerToClientEvents {
  /** A transition of the room's playback, to execute at `transition.executeAtMs` (server time). */
  'video:state': (p: {
    roomId: string;
    transition: PlaybackTransition;
    serverNowMs: number;
    /**
     * After this transition the room is paused waiting for buffering members (it resumes by itself).
     * The server always sends it; a client applying its own command's ack has no such word.
     */
    waitingForMembers?: boolean;
  }) => void;
  /** Members' sync states, at most every 2 s. */
  'video:sync_states': (p: { roomId: string; states: MemberSync[] }) => void;
  'video:sync_settings': (p: { roomId: string; settings: SyncSettings }) => void;
}
