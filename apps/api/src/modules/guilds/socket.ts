import type { Namespace, Socket } from 'socket.io';
import {
  guildChatHistoryPayload,
  guildChatSendPayload,
  guildOpenPayload,
  type GuildsClientToServerEvents,
  type GuildsServerToClientEvents,
} from '@wt/schemas';
import type { z } from 'zod';
import type { AppServices } from '../../services';
import { socketAuth } from '../auth/socket';
import { guildChatPage, requireMember, sendGuildMessage } from './chat';
import { guildErrors, isGuildError } from './errors';
import { guildChannel } from './service';

/**
 * The /guilds namespace (seed 000): guild chat and live guild changes. A socket opens a guild it is a
 * member of and joins `guild:<id>`; leaving, a kick or a disband takes the person's sockets out of it on
 * every instance (service.ts `removed`). Every payload is parsed with its shared schema; acks are
 * `{ ok, data }` or `{ ok: false, error: { code, message } }`.
 */

type GuildsNamespace = Namespace<GuildsClientToServerEvents, GuildsServerToClientEvents>;
type GuildsSocket = Socket<GuildsClientToServerEvents, GuildsServerToClientEvents>;

/** Any one socket may send this many guild events per second; past it they are refused, not run. */
const EVENTS_PER_SECOND = 20;

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message;
  throw guildErrors.validation(message && /[.!?…]$/.test(message) ? message : 'That request is not valid.');
}

export function registerGuildSockets(services: AppServices): void {
  const nsp = services.io.of('/guilds') as unknown as GuildsNamespace;

  function handle<S extends z.ZodType, T>(
    socket: GuildsSocket,
    event: keyof GuildsClientToServerEvents,
    schema: S,
    run: (payload: z.output<S>, userId: string) => Promise<T>,
  ): void {
    (socket as unknown as Socket).on(event, (...args: unknown[]) => {
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: unknown) => void) : () => undefined;
      const raw = args.length === 1 ? args[0] : undefined;
      const userId = socketAuth(socket as unknown as Socket).userId;
      const data = socket.data as { budget?: { second: number; used: number } };
      const second = Math.floor(Date.now() / 1000);
      if (data.budget?.second !== second) data.budget = { second, used: 0 };
      if (++data.budget.used > EVENTS_PER_SECOND) return ack({ ok: false, error: guildErrors.rateLimited(1000).toSocketError() });
      void (async () => {
        try {
          ack({ ok: true, data: (await run(parse(schema, raw), userId)) ?? null });
        } catch (err) {
          if (isGuildError(err)) return ack({ ok: false, error: err.toSocketError() });
          services.log.error({ err, event, userId }, 'guild event failed');
          ack({ ok: false, error: guildErrors.internal().toSocketError() });
        }
      })();
    });
  }

  nsp.on('connection', (socket) => {
    handle(socket, 'guild:open', guildOpenPayload, async ({ guildId }, userId) => {
      await requireMember(services.db, guildId, userId);
      await socket.join(guildChannel(guildId));
      return guildChatPage(services.db, guildId, undefined);
    });

    handle(socket, 'guild:close', guildOpenPayload, async ({ guildId }) => {
      await socket.leave(guildChannel(guildId));
      return null;
    });

    handle(socket, 'chat:message', guildChatSendPayload, async ({ guildId, content }, userId) => {
      const message = await sendGuildMessage(services, guildId, userId, content);
      // Everyone with the guild open, on any instance; this socket hears it in its ack.
      socket.to(guildChannel(guildId)).emit('chat:message', { guildId, message });
      return message;
    });

    handle(socket, 'chat:history', guildChatHistoryPayload, async ({ guildId, before }, userId) => {
      await requireMember(services.db, guildId, userId);
      return guildChatPage(services.db, guildId, before);
    });
  });
}
