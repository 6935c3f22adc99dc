import type { UploadTarget } from '@wt/schemas';
import { defaultOptions, Upload, type DetailedError } from 'tus-js-client';
import { uploadRefusalSentence } from './upload-checks';
import type { UploadEvent } from './upload-state';

/**
 * Sends one episode's video to where the API said (`studio.uploadTarget`): the tus endpoint of the
 * local pipeline, resumable across pauses, network drops and page reloads, or a Mux direct-upload URL.
 * Everything it sees is reported as UploadEvents; the caller keeps the state.
 */

/** Big enough to keep requests few, small enough that a drop loses little. */
export const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;
const RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000, 20_000];

export interface UploadHandle {
  /** Null when this kind of upload cannot pause (Mux direct uploads go in one request). */
  pause: (() => void) | null;
  resume: (() => void) | null;
  /** Stops sending; a tus upload can still be resumed later by choosing the same file. */
  stop: () => void;
}

export interface UploadDeps {
  /** A fresh access token for every request, so an upload outlives the token it started with. */
  getAccessToken: () => Promise<string | null>;
  dispatch: (event: UploadEvent) => void;
  /** The server has the whole file. */
  onFinished: () => void;
}

/**
 * Which stored tus upload belongs to which file: the episode is part of it, so the same clip chosen for
 * another episode starts its own upload instead of resuming this one.
 */
export function episodeFingerprint(
  episodeId: string,
  file: Pick<File, 'name' | 'type' | 'size' | 'lastModified'>,
): string {
  return ['wt-episode', episodeId, file.name, file.type, file.size, file.lastModified].join('-');
}

export async function startUpload(
  file: File,
  target: UploadTarget,
  episodeId: string,
  deps: UploadDeps,
): Promise<UploadHandle> {
  if (target.kind === 'mux') return startMuxUpload(file, target.url, deps);

  const upload = new Upload(file, {
    endpoint: target.endpoint,
    chunkSize: UPLOAD_CHUNK_BYTES,
    retryDelays: RETRY_DELAYS_MS,
    metadata: {
      ...target.metadata,
      episodeId,
      filename: file.name,
      filetype: file.type || 'application/octet-stream',
    },
    fingerprint: (f) => Promise.resolve(episodeFingerprint(episodeId, f as File)),
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    async onBeforeRequest(request) {
      const token = await deps.getAccessToken();
      if (token) request.setHeader('Authorization', `Bearer ${token}`);
    },
    onShouldRetry(error, retryAttempt) {
      const status = (error as DetailedError).originalResponse?.getStatus() ?? 0;
      // 401 once: the token expired mid-upload; onBeforeRequest fetches a fresh one for the retry.
      // Other 4xx answers are the server's decision (not a video, too long): retrying changes nothing.
      if (status === 401) return retryAttempt === 0;
      return status === 0 || status === 409 || status === 423 || status >= 500;
    },
    onProgress: (sentBytes, totalBytes) =>
      deps.dispatch({ type: 'progress', sentBytes, totalBytes: totalBytes ?? file.size }),
    onSuccess() {
      deps.dispatch({ type: 'succeeded' });
      deps.onFinished();
    },
    onError(error) {
      deps.dispatch({ type: 'failed', message: refusalSentence(error) });
      // A refused file must not be "resumed" next time (a finished-but-refused upload would look done).
      if (isRefusal(error)) void forgetUploads(episodeFingerprint(episodeId, file));
    },
  });

  const previous = await upload.findPreviousUploads();
  const latest = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
  if (latest) upload.resumeFromPreviousUpload(latest);
  deps.dispatch({ type: 'started', fileName: file.name, totalBytes: file.size, resumed: Boolean(latest) });
  upload.start();

  return {
    pause() {
      void upload.abort();
      deps.dispatch({ type: 'paused' });
    },
    resume() {
      deps.dispatch({ type: 'resumed' });
      upload.start();
    },
    stop: () => void upload.abort(),
  };
}

function isRefusal(error: Error | DetailedError): boolean {
  const status = 'originalResponse' in error ? (error.originalResponse?.getStatus() ?? 0) : 0;
  return status >= 400 && status < 500;
}

async function forgetUploads(fingerprint: string): Promise<void> {
  try {
    const stored = await defaultOptions.urlStorage.findUploadsByFingerprint(fingerprint);
    await Promise.all(stored.map((u) => defaultOptions.urlStorage.removeUpload(u.urlStorageKey)));
  } catch {
    // Storage unavailable (private mode): nothing was stored either.
  }
}

function refusalSentence(error: Error | DetailedError): string {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  return uploadRefusalSentence({ status: response?.getStatus() ?? 0, body: response?.getBody() ?? '' });
}

/** Mux direct uploads take the whole file in one PUT (no resume); progress comes from the XHR. */
function startMuxUpload(file: File, url: string, deps: UploadDeps): UploadHandle {
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', url);
  xhr.upload.onprogress = (e) =>
    deps.dispatch({ type: 'progress', sentBytes: e.loaded, totalBytes: e.total || file.size });
  xhr.onload = () => {
    if (xhr.status >= 200 && xhr.status < 300) {
      deps.dispatch({ type: 'succeeded' });
      deps.onFinished();
    } else {
      deps.dispatch({
        type: 'failed',
        message: uploadRefusalSentence({ status: xhr.status, body: xhr.responseText }),
      });
    }
  };
  xhr.onerror = () =>
    deps.dispatch({ type: 'failed', message: uploadRefusalSentence({ status: 0, body: '' }) });
  deps.dispatch({ type: 'started', fileName: file.name, totalBytes: file.size, resumed: false });
  xhr.send(file);
  return { pause: null, resume: null, stop: () => xhr.abort() };
}

/**
 * An unfinished upload for this episode left from before (the page was reloaded or closed): its file
 * name, so the studio can ask for that file again. Null when none, or storage is unavailable.
 */
export async function interruptedUploadOf(episodeId: string): Promise<{ fileName: string } | null> {
  try {
    const uploads = await defaultOptions.urlStorage.findAllUploads();
    const mine = uploads.find((u) => u.metadata.episodeId === episodeId);
    return mine ? { fileName: mine.metadata.filename ?? 'the video' } : null;
  } catch {
    return null;
  }
}
