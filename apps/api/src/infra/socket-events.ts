import type { Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { SocketError } from '@wt/schemas';
import type { z } from 'zod';

/**
 * How a namespace registers one client event (rooms, guilds): the payload is parsed with its shared
 * schema, the ack is `{ ok, data }` or `{ ok: false, error: { code, message } }`, a flood past the
 * per-socket budget is refused without running, and nothing a client sends can throw out of here.
 */

interface Refusal extends Error {
  toSocketError(): SocketError;
}

export interface SocketRefusals {
  isRefusal(err: unknown): err is Refusal;
  validation(message: string): Refusal;
  /** The flood refusal (one second to wait). */
  tooFast(): Refusal;
  internal(): Refusal;
}

/**
 * The sentence for a payload that failed its schema: the shared schemas' messages are sentences for
 * people; zod's own wording ("Invalid input: expected string") is not, and never ends a sentence.
 */
export function payloadRefusalMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : null;
  if (issue?.message && /[.!?…]$/.test(issue.message)) return issue.message;
  return field ? `The ${field} field is missing or not valid.` : 'That request is not valid.';
}

export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, refuse: (message: string) => Error): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw refuse(payloadRefusalMessage(result.error));
}

/** A fixed one-second window per socket: a flood costs a counter, never a database query. */
function withinEventBudget(data: { budget?: { second: number; used: number } }, perSecond: number, nowMs: number): boolean {
  const second = Math.floor(nowMs / 1000);
  if (data.budget?.second !== second) data.budget = { second, used: 0 };
  data.budget.used += 1;
  return data.budget.used <= perSecond;
}

export type SocketEventHandler<Sock, Event extends string> = <S extends z.ZodType, T>(
  socket: Sock,
  event: Event,
  schema: S,
  run: (payload: z.output<S>, userId: string) => Promise<T>,
) => void;

export function socketEventHandler<Sock, Event extends string>(options: {
  eventsPerSecond: number;
  refusals: SocketRefusals;
  userOf: (socket: Socket) => string;
  log: Pick<Logger, 'error'>;
  /** The log line of an unexpected failure ("room event failed"). */
  failure: string;
}): SocketEventHandler<Sock, Event> {
  const { refusals } = options;
  return (sock, event, schema, run) => {
    const socket = sock as unknown as Socket;
    (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, (...args: unknown[]) => {
      // Socket.io passes the ack last: a client that sent it without a payload, or after extra
      // arguments, still hears why it was refused.
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: unknown) => void) : () => undefined;
      const raw = args.length === 1 ? args[0] : undefined;
      const userId = options.userOf(socket);
      // Wall time, not an injected clock: this guards the process, whatever time tests pretend it is.
      if (!withinEventBudget(socket.data as { budget?: { second: number; used: number } }, options.eventsPerSecond, Date.now())) {
        return ack({ ok: false, error: refusals.tooFast().toSocketError() });
      }
      void (async () => {
        try {
          const data = await run(parseOrRefuse(schema, raw, refusals.validation), userId);
          ack({ ok: true, data: data ?? null });
        } catch (err) {
          if (refusals.isRefusal(err)) return ack({ ok: false, error: err.toSocketError() });
          options.log.error({ err, event, userId }, options.failure);
          ack({ ok: false, error: refusals.internal().toSocketError() });
        }
      })();
    });
  };
}
