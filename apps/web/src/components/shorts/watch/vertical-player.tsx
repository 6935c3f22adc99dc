'use client';

import type { Playback } from '@wt/schemas';
import { cx } from '@wt/ui';
import type HlsType from 'hls.js';
import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { clockDuration } from '@/shorts/duration';
import { chooseEngine, type PlaybackEngine } from '@/shorts/engine';
import { failureOfHlsError, failureOfMediaError, type PlaybackFailure } from '@/shorts/playback-errors';
import type { SaveReason } from '@/shorts/progress';
import { PauseIcon, PlayFilledIcon, SoundOffIcon, SoundOnIcon } from './player-icons';

let hlsModule: Promise<{ default: typeof HlsType }> | null = null;
/** hls.js is a sizeable chunk: its download starts as soon as this module runs in the browser. */
function loadHls(): Promise<{ default: typeof HlsType }> {
  hlsModule ??= import('hls.js');
  return hlsModule;
}
if (typeof window !== 'undefined') void loadHls();

/**
 * The viewer asked for sound once in this tab: later episodes start with sound when the browser
 * allows it (it does after any tap or key press on the page).
 */
let soundWanted = false;

/** The video's length once known (HLS reports Infinity or NaN before its playlist is read). */
function durationMsOf(video: HTMLVideoElement | null): number | null {
  const d = video?.duration;
  return d && Number.isFinite(d) ? Math.round(d * 1000) : null;
}

function mayPlayWithSound(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
  return soundWanted && (activation?.hasBeenActive ?? true);
}

export interface VerticalPlayerProps {
  playback: Playback;
  /** The video's accessible name: series and episode. */
  label: string;
  /** Where to start (seconds), applied once per source; may arrive after the source. */
  resumeAtS: number | null;
  onFailure: (failure: PlaybackFailure) => void;
  /** Position reports for progress saving (the parent throttles). */
  onPosition: (positionMs: number, durationMs: number | null, reason: SaveReason) => void;
  onStarted: () => void;
  onEnded: () => void;
}

/**
 * A 9:16 video with a minimal overlay: tap to play/pause (or to turn the sound on after a muted
 * autoplay), a sound button, a seek bar. Space / K play and pause, M mutes, when focus is not in a control.
 */
export function VerticalPlayer({ playback, label, resumeAtS, onFailure, onPosition, onStarted, onEnded }: VerticalPlayerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [paused, setPaused] = useState(true);
  const [muted, setMuted] = useState(true);
  const [buffering, setBuffering] = useState(true);
  const [positionS, setPositionS] = useState(0);
  const [durationS, setDurationS] = useState(0);
  const callbacks = useRef({ onFailure, onPosition, onStarted, onEnded });
  callbacks.current = { onFailure, onPosition, onStarted, onEnded };
  const engineRef = useRef<PlaybackEngine | null>(null);
  const resumedRef = useRef<string | null>(null);

  /**
   * The element may have loaded (even started) before React hydrated and attached its listeners: the
   * MP4's src is in the server's HTML. Reads its state instead of waiting for events already fired.
   */
  const syncFromElement = useCallback((video: HTMLVideoElement) => {
    setPaused(video.paused);
    setMuted(video.muted);
    if (video.readyState >= 1) setDurationS(Number.isFinite(video.duration) ? video.duration : 0);
    setPositionS(video.currentTime);
    if (video.readyState >= 3) setBuffering(false);
    if (!video.paused && video.readyState >= 3) callbacks.current.onStarted();
  }, []);

  const startPlayback = useCallback(
    async (video: HTMLVideoElement) => {
      video.muted = !mayPlayWithSound();
      try {
        await video.play();
      } catch (error) {
        // Sound needs a gesture on this page: start muted, the viewer taps for sound.
        if ((error as DOMException).name === 'NotAllowedError' && !video.muted) {
          video.muted = true;
          await video.play().catch(() => undefined);
        }
      }
      syncFromElement(video);
    },
    [syncFromElement],
  );

  // Attach the source: hls.js, native HLS or a progressive MP4.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let hls: HlsType | null = null;
    let cancelled = false;
    const url = new URL(playback.url, window.location.href).toString();
    setBuffering(true);
    setPositionS(0);

    const attach = async () => {
      const Hls = playback.kind === 'hls' ? (await loadHls()).default : null;
      if (cancelled) return;
      const engine = chooseEngine(playback.kind, {
        nativeHls: video.canPlayType('application/vnd.apple.mpegurl'),
        mse: Hls?.isSupported() ?? false,
        userAgent: navigator.userAgent,
      });
      engineRef.current = engine;
      if (engine === 'unsupported') {
        callbacks.current.onFailure('unsupported');
        return;
      }
      if (engine === 'hls.js' && Hls) {
        // Start on the lowest rendition (the one warmed for the next episode); ABR climbs from there.
        hls = new Hls({
          startLevel: 0,
          // Ask for the first segment while the playlists are still being read.
          startFragPrefetch: true,
          // Short clips, small segments: transmuxing on the main thread beats starting a worker per episode.
          enableWorker: false,
          capLevelToPlayerSize: true,
          maxBufferLength: 20,
          backBufferLength: 15,
        });
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (!data.fatal) return;
          callbacks.current.onFailure(failureOfHlsError(data.type, data.response?.code));
        });
        hls.loadSource(url);
        hls.attachMedia(video);
      } else if (engine === 'native-hls') {
        video.src = url;
      }
      // A progressive MP4's src is in the markup (from the server's HTML on a first visit).
      syncFromElement(video);
      void startPlayback(video);
    };
    void attach();

    return () => {
      cancelled = true;
      if (video.currentTime > 0) callbacks.current.onPosition(video.currentTime * 1000, durationMsOf(video), 'leave');
      if (engineRef.current === 'hls.js' || engineRef.current === 'native-hls') {
        hls?.destroy();
        video.removeAttribute('src');
        video.load();
      }
    };
  }, [playback.url, playback.kind, startPlayback, syncFromElement]);

  // Resume where the viewer stopped, once per source, as soon as the video knows its length.
  useEffect(() => {
    const video = videoRef.current;
    if (!video || resumeAtS === null || resumedRef.current === playback.url) return;
    const apply = () => {
      if (resumedRef.current === playback.url) return;
      resumedRef.current = playback.url;
      if (video.currentTime < resumeAtS - 1) video.currentTime = resumeAtS;
    };
    if (video.readyState >= 1) apply();
    else video.addEventListener('loadedmetadata', apply, { once: true });
    return () => video.removeEventListener('loadedmetadata', apply);
  }, [resumeAtS, playback.url]);

  // Leaving the tab or the page: save where the viewer is.
  useEffect(() => {
    const save = () => {
      const video = videoRef.current;
      if (video && video.currentTime > 0) callbacks.current.onPosition(video.currentTime * 1000, durationMsOf(video), 'leave');
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const togglePlay = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
  }, []);

  const toggleSound = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = !video.muted;
    soundWanted = !video.muted;
    setMuted(video.muted);
    if (video.paused) void video.play().catch(() => undefined);
  }, []);

  // Space / K and M, unless a control has the focus (it handles its own keys).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('button, a, input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === ' ' || event.key === 'k' || event.key === 'K') {
        event.preventDefault();
        togglePlay();
      } else if (event.key === 'm' || event.key === 'M') {
        toggleSound();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [togglePlay, toggleSound]);

  const onVideoError = (event: SyntheticEvent<HTMLVideoElement>) => {
    // hls.js reports its own errors; the element's are for native HLS and MP4.
    if (engineRef.current === 'hls.js' || !event.currentTarget.getAttribute('src')) return;
    callbacks.current.onFailure(failureOfMediaError(event.currentTarget.error?.code));
  };

  // A tap on the picture: sound on after a muted autoplay, otherwise play/pause.
  const onTapPicture = () => {
    const video = videoRef.current;
    if (video && video.muted && !soundWanted && !video.paused) toggleSound();
    else togglePlay();
  };

  return (
    <div className="relative size-full bg-black">
      <video
        ref={videoRef}
        className="size-full object-contain"
        aria-label={label}
        src={playback.kind === 'mp4' ? playback.url : undefined}
        poster={playback.posterUrl ?? undefined}
        playsInline
        muted
        autoPlay
        preload="auto"
        data-testid="shorts-video"
        onClick={onTapPicture}
        onPlay={() => setPaused(false)}
        onPlaying={() => {
          setBuffering(false);
          callbacks.current.onStarted();
        }}
        onPause={(event) => {
          setPaused(true);
          const video = event.currentTarget;
          if (!video.ended && video.currentTime > 0) callbacks.current.onPosition(video.currentTime * 1000, durationMsOf(video), 'pause');
        }}
        onWaiting={() => setBuffering(true)}
        onCanPlay={() => setBuffering(false)}
        onLoadedMetadata={(event) => setDurationS(Number.isFinite(event.currentTarget.duration) ? event.currentTarget.duration : 0)}
        onDurationChange={(event) => setDurationS(Number.isFinite(event.currentTarget.duration) ? event.currentTarget.duration : 0)}
        onTimeUpdate={(event) => {
          const video = event.currentTarget;
          setPositionS(video.currentTime);
          callbacks.current.onPosition(video.currentTime * 1000, durationMsOf(video), 'tick');
        }}
        onEnded={(event) => {
          callbacks.current.onPosition(event.currentTarget.currentTime * 1000, durationMsOf(event.currentTarget), 'ended');
          callbacks.current.onEnded();
        }}
        onVolumeChange={(event) => setMuted(event.currentTarget.muted)}
        onError={onVideoError}
      />

      {buffering && !paused ? (
        <div className="pointer-events-none absolute inset-0 grid place-items-center" aria-hidden>
          <span className="size-12 animate-spin rounded-full border-4 border-white/25 border-t-white" />
        </div>
      ) : null}

      {paused && !buffering ? (
        <button
          type="button"
          onClick={togglePlay}
          className="absolute inset-0 m-auto grid size-20 place-items-center rounded-full bg-black/50 text-white backdrop-blur focus-visible:outline-2 focus-visible:outline-white"
          aria-label="Play"
          data-no-swipe
        >
          <PlayFilledIcon className="size-9" />
        </button>
      ) : null}

      {muted && !paused ? (
        <button
          type="button"
          onClick={toggleSound}
          className="absolute top-20 left-1/2 inline-flex -translate-x-1/2 items-center gap-2 rounded-full bg-black/60 px-4 py-2 text-sm font-semibold text-white backdrop-blur focus-visible:outline-2 focus-visible:outline-white"
          data-no-swipe
        >
          <SoundOffIcon className="size-4" />
          Tap for sound
        </button>
      ) : null}

      <div className="absolute inset-x-0 bottom-0 flex items-center gap-3 bg-gradient-to-t from-black/80 to-transparent px-4 pt-10 pb-4 text-white" data-no-swipe>
        <button
          type="button"
          onClick={togglePlay}
          aria-label={paused ? 'Play' : 'Pause'}
          className="grid size-9 shrink-0 place-items-center rounded-full hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white"
        >
          {paused ? <PlayFilledIcon className="size-5" /> : <PauseIcon className="size-5" />}
        </button>
        <input
          type="range"
          min={0}
          max={durationS || 1}
          step={0.1}
          value={Math.min(positionS, durationS || 1)}
          onChange={(event) => {
            const video = videoRef.current;
            if (video) video.currentTime = Number(event.target.value);
          }}
          aria-label="Seek"
          aria-valuetext={`${clockDuration(positionS * 1000)} of ${clockDuration(durationS * 1000)}`}
          className={cx('h-1 min-w-0 flex-1 cursor-pointer accent-accent-500')}
        />
        <span className="shrink-0 font-mono text-xs tabular-nums text-white/80">
          {clockDuration(positionS * 1000)} / {clockDuration(durationS * 1000)}
        </span>
        <button
          type="button"
          onClick={toggleSound}
          aria-label={muted ? 'Turn sound on' : 'Mute'}
          className="grid size-9 shrink-0 place-items-center rounded-full hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-white"
        >
          {muted ? <SoundOffIcon className="size-5" /> : <SoundOnIcon className="size-5" />}
        </button>
      </div>
    </div>
  );
}
