'use client';

import { useQuery } from '@tanstack/react-query';
import { buttonClasses, Card } from '@wt/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { formatTimeOfDay } from '@/lib/time';
import { roomPathWithInvite } from '@/rooms/invite';
import { joinRefusal } from '@/rooms/refusals';
import { roomErrorOf } from '@/rooms/trpc-errors';
import { useTRPC } from '@/trpc/react';
import { RoomLoading, RoomNotice } from './room-notice';
import { RoomCard } from './room-card';

/** /invite/<code>: the room an invite opens and a Join button; signed-out visitors sign in first. */
export function InviteView({ code }: { code: string }) {
  const { status } = useAuth();
  const router = useRouter();
  const here = `/invite/${code}`;

  useEffect(() => {
    if (status === 'signed-out') router.replace(`/sign-in?${new URLSearchParams({ next: here })}`);
  }, [status, router, here]);

  if (status !== 'signed-in') {
    return (
      <p role="status" className="text-sm text-ink-muted">
        {status === 'loading' ? 'Checking whether you are signed in…' : 'Taking you to sign in…'}
      </p>
    );
  }
  return <Invite code={code} />;
}

function Invite({ code }: { code: string }) {
  const trpc = useTRPC();
  const info = useQuery(trpc.rooms.inviteInfo.queryOptions({ code }, { retry: false }));

  if (info.isPending) return <RoomLoading label="Opening the invite…" />;
  if (info.isError) {
    const refusal = joinRefusal(roomErrorOf(info.error));
    return <RoomNotice title={refusal.title} message={refusal.message} />;
  }
  const { room, valid, message, expiresAt } = info.data;
  if (!valid) {
    const refusal = joinRefusal({ code: 'INVITE_INVALID', message: message ?? '' });
    return <RoomNotice title={refusal.title} message={refusal.message} />;
  }
  return (
    <div className="grid max-w-xl gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight text-ink">You are invited</h1>
        <p className="mt-2 text-base leading-7 text-ink-muted">
          Join <span className="font-semibold text-ink">{room.name}</span> and watch together.
          {expiresAt ? ` This invite works until ${formatTimeOfDay(expiresAt)}.` : ''}
        </p>
      </header>
      <ul>
        <RoomCard room={room} href={roomPathWithInvite(room.id, code)} />
      </ul>
      <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
        <p className="text-sm text-ink-muted">You join as a member; the leader can see you in the roster.</p>
        <Link href={roomPathWithInvite(room.id, code)} className={buttonClasses()}>
          Join room
        </Link>
      </Card>
    </div>
  );
}
