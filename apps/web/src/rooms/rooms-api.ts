import { roomInviteLinkSchema, type RoomInviteLink } from '@wt/schemas';
import { z } from 'zod';
import { callApi, type ApiResult, type FetchLike } from '@/auth/api';
import { inviteLinkPath, inviteUserPath, type InviteOptions } from './invite';

/**
 * The REST calls of the rooms UI. `fetchFn` is the auth client's `authFetch`, which adds the bearer
 * token (and refreshes it once when it expired).
 */

export function createInviteLink(
  fetchFn: FetchLike,
  roomId: string,
  options: InviteOptions,
): Promise<ApiResult<RoomInviteLink>> {
  return callApi(fetchFn, inviteLinkPath(roomId, options), {}, roomInviteLinkSchema);
}

const invitedSchema = z.object({ ok: z.literal(true) });

export function inviteFriend(
  fetchFn: FetchLike,
  roomId: string,
  userId: string,
): Promise<ApiResult<{ ok: true }>> {
  return callApi(fetchFn, inviteUserPath(roomId), { method: 'POST', body: { userId } }, invitedSchema);
}
