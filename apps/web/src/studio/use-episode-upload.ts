'use client';

import { EPISODE_MAX_BYTES } from '@wt/schemas';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useAuthClient } from '@/auth/auth-provider';
import { useTRPCClient } from '@/trpc/react';
import { interruptedUploadOf, startUpload, type UploadHandle } from './episode-upload';
import { shortsErrorOf } from './shorts-errors';
import { checkVideoFile } from './upload-checks';
import { IDLE, uploadReducer } from './upload-state';

/**
 * One episode's upload for the studio: checks the chosen file, asks the API where to send it, sends it
 * (resuming an earlier upload of the same file), and calls `onFinished` once the server has it so the
 * page can poll for processing. Leaving the page pauses; choosing the file again resumes.
 */
export function useEpisodeUpload(episodeId: string, onFinished: () => void) {
  const auth = useAuthClient();
  const client = useTRPCClient();
  const [state, dispatch] = useReducer(uploadReducer, IDLE);
  const handle = useRef<UploadHandle | null>(null);
  const [interrupted, setInterrupted] = useState<{ fileName: string } | null>(null);
  const [canPause, setCanPause] = useState(false);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    let live = true;
    void interruptedUploadOf(episodeId).then((found) => {
      if (live) setInterrupted(found);
    });
    return () => {
      live = false;
      handle.current?.stop();
      handle.current = null;
    };
  }, [episodeId]);

  const choose = useCallback(
    async (file: File) => {
      const early = checkVideoFile(file, EPISODE_MAX_BYTES);
      if (early) return dispatch({ type: 'refused', fileName: file.name, message: early });
      let target;
      try {
        target = await client.studio.uploadTarget.mutate({ episodeId });
      } catch (error) {
        return dispatch({ type: 'refused', fileName: file.name, message: shortsErrorOf(error).message });
      }
      const refusal = checkVideoFile(file, target.maxBytes);
      if (refusal) return dispatch({ type: 'refused', fileName: file.name, message: refusal });
      setInterrupted(null);
      handle.current?.stop();
      handle.current = await startUpload(file, target, episodeId, {
        getAccessToken: () => auth.getFreshAccessToken(),
        dispatch,
        onFinished: () => {
          handle.current = null;
          finished.current();
        },
      });
      setCanPause(handle.current.pause !== null);
    },
    [auth, client, episodeId],
  );

  return {
    state,
    /** An unfinished upload from an earlier visit: the file to choose again. */
    interrupted,
    choose,
    /** Null when this upload cannot pause (Mux direct uploads). */
    pause: canPause ? () => handle.current?.pause?.() : null,
    resume: canPause ? () => handle.current?.resume?.() : null,
    reset: () => dispatch({ type: 'reset' }),
  };
}
