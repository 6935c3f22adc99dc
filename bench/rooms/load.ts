/*
 * The load process: every member's socket.io-client socket (websocket transport, one connection each),
 * `room:join` for all, then, on each `phase` command, `chat:message` at a steady aggregate rate from
 * members taken in a shuffled round-robin (so each member sends once per members/rate seconds, far below
 * the per-user limit, and the round-robin carries on across phases), and the send-to-receive latency at
 * every other member of the room. Sender and receivers live in this one process, so one monotonic clock
 * (performance.now) times both ends; a message carries only its sequence number (`bench#<seq> …`), the
 * send time stays here. The orchestrator runs phases of two load processes (baseline and API) in turn, so
 * the machine's noise falls on both alike; `finish` returns the measured phases together.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ChatMessage } from '@wt/schemas';
import type { LoadCommand, LoadMessage, LoadPlan, LoadResult, PhasePlan } from './plan';
import { Samples } from './stats';

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const MARK = 'bench#';
// Typical chat length (~50 characters); the same text goes to the API and to the baseline.
const FILLER = ' did you see that? rewind ten seconds please';
const CONNECT_CONCURRENCY = 64;
const JOIN_CONCURRENCY = 32;
/** The event-loop delay histogram records whole timer intervals: this much of each sample is the interval. */
const LOOP_RESOLUTION_MS = 2;

function send(message: LoadMessage, then?: () => void): void {
  process.send?.(message, undefined, undefined, then);
}

async function inPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

function shuffled(count: number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const round = (n: number): number => Math.round(n * 100) / 100;

interface LoadSession {
  runPhase(phase: PhasePlan): Promise<void>;
  finish(): LoadResult;
}

/** Connects and joins every member; the returned session then sends phase after phase. */
async function connect(plan: LoadPlan): Promise<LoadSession> {
  const members = plan.members;
  const roomSizes = new Int32Array(plan.rooms.length);
  for (const m of members) roomSizes[m.room]! += 1;

  const capacity = plan.maxMessages;
  const sentAt = new Float64Array(capacity);
  const senderOf = new Int32Array(capacity).fill(-1);
  const expected = new Uint16Array(capacity);
  const received = new Uint16Array(capacity);
  const givenUp = new Uint8Array(capacity);
  /** Index of the measured second a message was sent in, or -1 for warm-up messages. */
  const secondOf = new Int32Array(capacity).fill(-1);
  const latency = new Samples();
  const ackLatency = new Samples();
  const joinLatency = new Samples();
  const phaseP99: number[] = [];
  // Worst delivery per measured second (by send time): shows whether the tail is steady or one stall.
  const maxBySecond: number[] = [];
  const refused: Record<string, number> = {};
  let phaseLatency = new Samples();
  let outstanding = 0;
  let deliveries = 0;
  let disconnects = 0;
  let closing = false;
  let nextSeq = 0;
  let measuredSeconds = 0;
  let windowMs = 0;
  let windowIntervals = 0;
  let cpuMicros = 0;

  const onChat = (receiver: number) => (payload: { roomId: string; message: ChatMessage }) => {
    const content = payload.message.content;
    if (!content.startsWith(MARK)) return; // system lines ("… joined")
    const seq = Number.parseInt(content.slice(MARK.length), 10);
    if (senderOf[seq] === receiver || received[seq]! >= expected[seq]! || givenUp[seq]) return;
    const ms = performance.now() - sentAt[seq]!;
    received[seq]! += 1;
    const second = secondOf[seq]!;
    if (second < 0) return;
    latency.push(ms);
    phaseLatency.push(ms);
    if (ms > (maxBySecond[second] ?? 0)) maxBySecond[second] = ms;
    deliveries += 1;
    outstanding -= 1;
  };

  // Connect.
  const sockets: Socket[] = new Array<Socket>(members.length);
  const connectStart = performance.now();
  await inPool(members.length, CONNECT_CONCURRENCY, async (i) => {
    const member = members[i]!;
    const socket = io(`${plan.url}${plan.namespace}`, {
      transports: ['websocket'],
      // One connection per member: without it socket.io-client multiplexes every socket on one.
      forceNew: true,
      reconnection: false,
      auth: { token: member.token, userId: member.userId, username: member.username },
    });
    sockets[i] = socket;
    socket.on('chat:message', onChat(i));
    socket.on('disconnect', () => {
      if (!closing) disconnects += 1;
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) =>
        reject(new Error(`socket ${i} was refused: ${err.data?.code ?? ''} ${err.message}`)),
      );
    });
  });
  const connectS = (performance.now() - connectStart) / 1000;

  // Join: each room's leader first, then everyone else.
  const joinStart = performance.now();
  const join = async (i: number): Promise<void> => {
    const member = members[i]!;
    const t0 = performance.now();
    const ack = (await sockets[i]!.timeout(60_000).emitWithAck('room:join', {
      roomId: plan.rooms[member.room]!.id,
    })) as Ack<unknown>;
    if (!ack.ok)
      throw new Error(`room:join refused for ${member.username}: ${ack.error.code} ${ack.error.message}`);
    joinLatency.push(performance.now() - t0);
  };
  const leaders = plan.rooms.map((r) => r.leader);
  const isLeader = new Set(leaders);
  const others = members.map((_, i) => i).filter((i) => !isLeader.has(i));
  await inPool(leaders.length, JOIN_CONCURRENCY, (k) => join(leaders[k]!));
  await inPool(others.length, JOIN_CONCURRENCY, (k) => join(others[k]!));
  const joinS = (performance.now() - joinStart) / 1000;

  const order = shuffled(members.length);
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });

  const sendOne = (seq: number, measuredSecond: number): void => {
    const from = order[seq % order.length]!;
    const member = members[from]!;
    senderOf[seq] = from;
    expected[seq] = roomSizes[member.room]! - 1;
    secondOf[seq] = measuredSecond;
    if (measuredSecond >= 0) outstanding += expected[seq]!;
    sentAt[seq] = performance.now();
    sockets[from]!.timeout(plan.drainMs).emit(
      'chat:message',
      { roomId: plan.rooms[member.room]!.id, content: `${MARK}${seq}${FILLER}` },
      (err: Error | null, ack?: Ack<unknown>) => {
        if (measuredSecond < 0) return;
        ackLatency.push(performance.now() - sentAt[seq]!);
        if (!err && ack?.ok) return;
        const code = err ? 'NO_ACK' : ack && !ack.ok ? ack.error.code : 'BAD_ACK';
        refused[code] = (refused[code] ?? 0) + 1;
        // Nothing (more) will arrive for a refused message: stop waiting for it.
        outstanding -= expected[seq]! - received[seq]!;
        givenUp[seq] = 1;
      },
    );
  };

  return {
    /** Warm-up messages, then the measured window, at one steady rate; then the drain. */
    async runPhase(phase) {
      const warmupCount = Math.round(plan.rate * phase.warmupSeconds);
      const count = warmupCount + Math.round(plan.rate * phase.seconds);
      if (nextSeq + count > capacity)
        throw new Error(`the plan allows ${capacity} messages; this phase would pass it`);
      const first = nextSeq;
      const firstMeasured = first + warmupCount;
      const last = first + count - 1;
      phaseLatency = new Samples();
      let windowStart = 0;
      let cpuStart = process.cpuUsage();
      await new Promise<void>((resolve) => {
        let k = 0;
        const t0 = performance.now();
        const timer = setInterval(() => {
          const due = Math.min(count, Math.floor(((performance.now() - t0) * plan.rate) / 1000) + 1);
          for (; k < due; k++) {
            const seq = first + k;
            if (seq === firstMeasured) {
              windowStart = performance.now();
              cpuStart = process.cpuUsage();
              loopDelay.enable();
              send({ type: 'window-start' });
            }
            const second =
              seq >= firstMeasured
                ? measuredSeconds + Math.floor((performance.now() - windowStart) / 1000)
                : -1;
            sendOne(seq, second);
          }
          if (k === count) {
            clearInterval(timer);
            resolve();
          }
        }, 1);
      });
      nextSeq = last + 1;
      if (count > warmupCount) {
        const cpu = process.cpuUsage(cpuStart);
        loopDelay.disable();
        send({ type: 'window-end' });
        windowMs += sentAt[last]! - windowStart;
        windowIntervals += count - warmupCount - 1;
        cpuMicros += cpu.user + cpu.system;
        measuredSeconds += Math.ceil(phase.seconds);
      }
      // Drain: deliveries still in flight get drainMs after the last send.
      const drainDeadline = performance.now() + plan.drainMs;
      while (outstanding > 0 && performance.now() < drainDeadline)
        await new Promise((r) => setTimeout(r, 20));
      if (count > warmupCount) phaseP99.push(phaseLatency.summary().p99_ms);
    },

    finish() {
      let sent = 0;
      let deliveriesExpected = 0;
      let lost = 0;
      for (let seq = 0; seq < nextSeq; seq++) {
        if (secondOf[seq]! < 0) continue;
        sent += 1;
        deliveriesExpected += expected[seq]!;
        if (received[seq]! < expected[seq]!) lost += 1;
      }
      closing = true;
      for (const socket of sockets) socket.disconnect();
      return {
        sockets: members.length,
        rooms: plan.rooms.length,
        connect_s: round(connectS),
        join_s: round(joinS),
        join: joinLatency.summary(),
        sent,
        msgs_per_s: round(windowMs > 0 ? (windowIntervals * 1000) / windowMs : Number.NaN),
        window_s: round(windowMs / 1000),
        latency: latency.summary(),
        phases_p99_ms: phaseP99,
        ack: ackLatency.summary(),
        deliveries_expected: deliveriesExpected,
        deliveries,
        lost,
        refused,
        disconnects,
        max_ms_by_second: Array.from(maxBySecond, (ms) => Math.round(ms ?? 0)),
        load_loop_delay_p99_ms: round(Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS)),
        load_cpu_pct: round((cpuMicros / 1000 / windowMs) * 100),
      };
    },
  };
}

let session: Promise<LoadSession> | null = null;
// Commands arrive one at a time: the orchestrator waits for each answer before the next.
process.on('message', (command: LoadCommand) => {
  const fail = (err: unknown): void =>
    send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () =>
      process.exit(1),
    );
  if (command.type === 'plan') {
    session = connect(command.plan);
    session.then(() => send({ type: 'ready' }), fail);
  } else if (command.type === 'phase') {
    session!.then((s) => s.runPhase(command.phase)).then(() => send({ type: 'phase-done' }), fail);
  } else {
    session!.then((s) => send({ type: 'result', result: s.finish() }, () => process.exit(0)), fail);
  }
});
