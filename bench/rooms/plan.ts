/*
 * What the benchmark's processes tell each other over IPC: the orchestrator (bench/rooms.ts) hands a
 * server process its settings and the load process a plan; the load process answers with its result.
 */

/** Issue 4 "Speed": 200 rooms of 10 plus one room of 50. */
export function roomLayout(roomsOfTen: number): number[] {
  return [...Array.from({ length: roomsOfTen }, () => 10), 50];
}

export interface BenchMember {
  userId: string;
  username: string;
  /** A real access token (HS256, live session row); the baseline server ignores it. */
  token: string;
  /** Index into LoadPlan.rooms. */
  room: number;
}

export interface BenchRoom {
  id: string;
  /** Index into LoadPlan.members of the member who joins first (the leader in the API). */
  leader: number;
}

export interface LoadPlan {
  url: string;
  namespace: '/rooms';
  rooms: BenchRoom[];
  members: BenchMember[];
  /** Chat messages per second in aggregate. */
  rate: number;
  /** How long to wait after the last send of a phase for deliveries still in flight before moving on. */
  drainMs: number;
  /** Messages over all phases, warm-ups included (the size of the load process's tables). */
  maxMessages: number;
}

/** One stretch of sending: `warmupSeconds` not measured, then `seconds` measured, at one steady rate. */
export interface PhasePlan {
  warmupSeconds: number;
  seconds: number;
}

/** What the orchestrator tells a load process, one command at a time (each is answered). */
export type LoadCommand =
  { type: 'plan'; plan: LoadPlan } | { type: 'phase'; phase: PhasePlan } | { type: 'finish' };

export interface LatencySummary {
  count: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

export interface LoadResult {
  sockets: number;
  rooms: number;
  connect_s: number;
  join_s: number;
  join: LatencySummary;
  /** Messages sent in the measured window and the rate actually achieved. */
  sent: number;
  msgs_per_s: number;
  window_s: number;
  latency: LatencySummary;
  /** p99 of each measured phase, in the order they ran: the spread shows how noisy the machine was. */
  phases_p99_ms: number[];
  ack: LatencySummary;
  /** Receptions expected at every other member of the room. */
  deliveries_expected: number;
  deliveries: number;
  /** Measured messages that did not reach every other member within drainMs (refusals included). */
  lost: number;
  /** Measured messages the server refused or never acknowledged, by error code. */
  refused: Record<string, number>;
  /** The worst send-to-receive latency of messages sent in each second of the window, in whole ms. */
  max_ms_by_second: number[];
  /** Sockets the server disconnected during the run. */
  disconnects: number;
  /** Event-loop delay of the load process in the window: high values mean the clients, not the server, were slow. */
  load_loop_delay_p99_ms: number;
  load_cpu_pct: number;
}

export type LoadMessage =
  | { type: 'ready' }
  | { type: 'window-start' }
  | { type: 'window-end' }
  | { type: 'phase-done' }
  | { type: 'result'; result: LoadResult }
  | { type: 'error'; message: string };

export interface BaselineServerConfig {
  /** Set: the persisting baseline, which INSERTs each message before broadcasting it. */
  databaseUrl: string | null;
}

export interface ApiServerConfig {
  databaseUrl: string;
  authSecret: string;
  redisUrl: string | null;
  redisPrefix: string;
}

/** A bench server's own event loop over one measured window (loop-monitor.ts). */
export interface LoopWindow {
  delay_p99_ms: number;
  delay_max_ms: number;
  gc_ms: number;
  gc_max_ms: number;
  gc_count: number;
}

export type ServerMessage =
  | { type: 'listening'; port: number }
  | { type: 'loop'; window: LoopWindow }
  | { type: 'swept'; ms: number; statements: number }
  | { type: 'error'; message: string };
