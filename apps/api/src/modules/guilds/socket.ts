import type { Namespace, Socket } from 'socket.io';
import {
  guildChatHistoryPayload,
  guildChatSendPayload,
  guildOpenPayload,
  type GuildsClientToServerEvents,
  type GuildsServerToClientEvents,
} from '@wt/schemas';
import { socketEventHandler, type SocketEventHandler } from '../../infra/socket-events';
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

export function registerGuildSockets(services: AppServices): void {
  const nsp = services.io.of('/guilds') as unknown as GuildsNamespace;
  const handle: SocketEventHandler<GuildsSocket, keyof GuildsClientToServerEvents> = socketEventHandler({
    eventsPerSecond: EVENTS_PER_SECOND,
    refusals: { isRefusal: isGuildError, validation: guildErrors.validation, tooFast: () => guildErrors.rateLimited(1000), internal: guildErrors.internal },
    userOf: (socket) => socketAuth(socket).userId,
    log: services.log,
    failure: 'guild event failed',
  });

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
