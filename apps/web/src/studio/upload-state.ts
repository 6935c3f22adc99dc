/**
 * One episode's upload as a small state machine, apart from tus-js-client and React so every move is
 * tested: choose a file -> (checked) -> uploading <-> paused -> done, or refused with a sentence.
 */

export type UploadState =
  | { phase: 'idle' }
  /** `resumed`: it continues an upload of this file from before (a reload, a pause). */
  | { phase: 'uploading'; fileName: string; sentBytes: number; totalBytes: number; resumed: boolean }
  | { phase: 'paused'; fileName: string; sentBytes: number; totalBytes: number }
  | { phase: 'done'; fileName: string }
  | { phase: 'failed'; fileName: string | null; message: string };

export type UploadEvent =
  | { type: 'refused'; fileName: string | null; message: string }
  /** `resumed`: an unfinished upload of the same file was found (after a reload) and continues. */
  | { type: 'started'; fileName: string; totalBytes: number; resumed: boolean }
  | { type: 'progress'; sentBytes: number; totalBytes: number }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'succeeded' }
  | { type: 'failed'; message: string }
  | { type: 'reset' };

export const IDLE: UploadState = { phase: 'idle' };

export function uploadReducer(state: UploadState, event: UploadEvent): UploadState {
  switch (event.type) {
    case 'refused':
      return { phase: 'failed', fileName: event.fileName, message: event.message };
    case 'started':
      return {
        phase: 'uploading',
        fileName: event.fileName,
        sentBytes: 0,
        totalBytes: event.totalBytes,
        resumed: event.resumed,
      };
    case 'progress':
      // A late progress callback after a pause or the end must not bring the bar back.
      if (state.phase !== 'uploading') return state;
      return {
        ...state,
        sentBytes: Math.max(state.sentBytes, event.sentBytes),
        totalBytes: event.totalBytes,
      };
    case 'paused':
      if (state.phase !== 'uploading') return state;
      return {
        phase: 'paused',
        fileName: state.fileName,
        sentBytes: state.sentBytes,
        totalBytes: state.totalBytes,
      };
    case 'resumed':
      if (state.phase !== 'paused') return state;
      return { ...state, phase: 'uploading', resumed: true };
    case 'succeeded':
      if (state.phase !== 'uploading') return state;
      return { phase: 'done', fileName: state.fileName };
    case 'failed':
      if (state.phase !== 'uploading' && state.phase !== 'paused') return state;
      return { phase: 'failed', fileName: state.fileName, message: event.message };
    case 'reset':
      return IDLE;
  }
}

/** Whole percent sent, 0-100, for the progress bar. */
export function percentSent(state: UploadState): number {
  if (state.phase === 'done') return 100;
  if (state.phase !== 'uploading' && state.phase !== 'paused') return 0;
  if (state.totalBytes <= 0) return 0;
  return Math.min(100, Math.floor((state.sentBytes / state.totalBytes) * 100));
}

/** True while a file is on its way (the file picker is then off). */
export function isBusy(state: UploadState): state is Extract<UploadState, { phase: 'uploading' | 'paused' }> {
  return state.phase === 'uploading' || state.phase === 'paused';
}
