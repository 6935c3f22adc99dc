'use client';

import { cx } from '@wt/ui';
import { useEffect, useReducer, useRef, useState } from 'react';
import type { PlaybackCommand, RoomActions } from '@/rooms/use-room';
import { formatMediaTime, formatRate, rateChoices } from '@/sync/playback-ui';
import type { PlaybackSyncClient, SyncStatus } from '@/sync/sync-client';
import { PlayIcon } from '../icons';
import { ActionFeedbackLine } from './action-feedback';
import { SyncBadge } from './sync-badge';
import { useActionFeedback } from './use-action-feedback';

/** How often the time and the seek bar move, ms. */
const REDRAW_MS = 250;

/**
 * The room's transport: play/pause, the seek bar and the time, the speed for those who control
 * playback, and this viewer's sync badge with its resync. Every command goes to the room (the player
 * follows when the room does), carrying the position this viewer saw; a refusal is shown as the
 * server's sentence.
 */
export function PlaybackControls({
  client,
  status,
  mayControl,
  playback,
  synced,
}: {
  client: PlaybackSyncClient;
  status: SyncStatus;
  mayControl: boolean;
  playback: RoomActions['playback'];
  /** A player here follows the room (shows the sync badge); false for players nobody can drive. */
  synced: boolean;
}) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const timer = window.setInterval(redraw, REDRAW_MS);
    return () => window.clearInterval(timer);
  }, []);
  const { feedback, pending, run, clear } = useActionFeedback();
  const [draftSec, setDraftSec] = useState<number | null>(null);
  const seekRef = useRef<HTMLInputElement>(null);

  const send = (command: PlaybackCommand) => void run(() => playback(command));
  const seen = () => client.visiblePositionSec() ?? 0;

  // The seek goes out when the viewer lets go (the native `change`), not on every step of a drag.
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(() => {
    const input = seekRef.current;
    if (!input) return;
    const onChange = () => {
      setDraftSec(null);
      sendRef.current({ type: 'seek', positionSec: Number(input.value) });
    };
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, []);

  const intent = client.roomIntent();
  const playing = intent?.isPlaying ?? false;
  // A refusal is about the room as it was: once the room moves on, the sentence goes.
  const seq = intent?.seq;
  const clearRef = useRef(clear);
  clearRef.current = clear;
  useEffect(() => clearRef.current(), [seq]);
  const durationSec = client.durationSec();
  const positionSec = draftSec ?? seen();
  const rates = mayControl ? rateChoices(synced ? client.capabilities() : null) : [];
  const rate = intent?.rate ?? 1;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 rounded-2xl border border-line bg-surface px-3 py-2">
        <button
          type="button"
          onClick={() => {
            // The click is a gesture: let a player the browser held back start with it.
            if (status.needsGesture) client.joinPlayback();
            send({ type: playing ? 'pause' : 'play', positionSec: seen() });
          }}
          disabled={pending || intent === null}
          aria-label={playing ? 'Pause' : 'Play'}
          className="grid size-10 shrink-0 place-items-center rounded-full bg-brand-600 text-white transition hover:bg-brand-500 disabled:opacity-50"
        >
          {playing ? <PauseGlyph /> : <PlayIcon className="size-5 fill-current" />}
        </button>
        <span className="font-mono text-xs text-ink-muted tabular-nums" aria-label="Position">
          {formatMediaTime(positionSec)} / {durationSec === null ? '–:––' : formatMediaTime(durationSec)}
        </span>
        <input
          ref={seekRef}
          type="range"
          aria-label="Seek"
          min={0}
          max={durationSec ?? 0}
          step={0.1}
          value={Math.min(positionSec, durationSec ?? 0)}
          disabled={!mayControl || durationSec === null}
          onChange={(event) => setDraftSec(Number(event.target.value))}
          className="h-2 min-w-32 flex-1 cursor-pointer accent-brand-600 disabled:cursor-default"
        />
        {rates.length > 1 ? (
          <label className="flex items-center gap-1.5 text-xs text-ink-muted">
            Speed
            <select
              value={String(rate)}
              disabled={pending}
              onChange={(event) =>
                send({ type: 'rate', rate: Number(event.target.value), positionSec: seen() })
              }
              className="h-8 rounded-lg border border-line bg-canvas px-2 text-xs text-ink"
            >
              {(rates.includes(rate) ? rates : [...rates, rate].sort((a, b) => a - b)).map((r) => (
                <option key={r} value={String(r)}>
                  {formatRate(r)}
                </option>
              ))}
            </select>
          </label>
        ) : rate !== 1 ? (
          <span className="text-xs text-ink-muted">{formatRate(rate)}</span>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {synced ? <SyncBadge driftMs={status.driftMs} onResync={() => client.resync()} /> : <span />}
        <p className={cx('text-xs text-ink-muted', mayControl && 'sr-only')}>
          {mayControl ? 'You control playback for everyone.' : 'The leader controls playback for everyone.'}
        </p>
      </div>
      <ActionFeedbackLine feedback={feedback} />
    </div>
  );
}

function PauseGlyph() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 fill-current">
      <rect x="6" y="5" width="4" height="14" rx="1" />
      <rect x="14" y="5" width="4" height="14" rx="1" />
    </svg>
  );
}
