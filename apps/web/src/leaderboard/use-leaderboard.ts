'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeaderboardServerToClientEvents } from '@wt/schemas';
import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';
import { useSocket } from '@/lib/socket';
import { useTRPC } from '@/trpc/react';
import { winnersPeriodOf, type Board } from './board';

/** One board: the top 100 and, signed in, the viewer's rank with neighbours. */
export function useLeaderboard(board: Board) {
  const trpc = useTRPC();
  return useQuery(trpc.leaderboard.board.queryOptions(board, { staleTime: 30_000 }));
}

/** The top three of the last finished weeks (or months) of a board's type. */
export function useLeaderboardWinners(board: Board) {
  const trpc = useTRPC();
  return useQuery(
    trpc.leaderboard.winners.queryOptions(
      { type: board.type, period: winnersPeriodOf(board.period) },
      { staleTime: 5 * 60_000 },
    ),
  );
}

/**
 * Signed in: `leaderboard:rank` on /global says the viewer's watch time moved them, so every board is
 * fetched again (ranks around them shift too). A reconnect refetches, since events may have been missed.
 */
export function useLeaderboardLive() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { socket } = useSocket('/global');

  useEffect(() => {
    if (!socket) return;
    const live = socket as unknown as Socket<LeaderboardServerToClientEvents>;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: trpc.leaderboard.board.pathKey() });
    live.on('leaderboard:rank', refetch);
    socket.on('connect', refetch);
    return () => {
      live.off('leaderboard:rank', refetch);
      socket.off('connect', refetch);
    };
  }, [socket, queryClient, trpc]);
}
