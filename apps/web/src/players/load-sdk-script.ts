/**
 * Loads a vendor SDK script that announces itself by calling a global callback (YouTube's
 * `onYouTubeIframeAPIReady`, Spotify's `onSpotifyWebPlaybackSDKReady`). Resolves with what `ready()`
 * reads once the callback fires; rejects with `failure` when the script fails, does not call back within
 * `timeoutMs`, or calls back without defining what it should. A callback set before is still called.
 */
export function loadSdkScript<T>(options: {
  url: string;
  callbackName: string;
  ready: () => T | null;
  failure: string;
  timeoutMs: number;
}): Promise<T> {
  const win = window as unknown as Record<string, unknown>;
  return new Promise<T>((resolve, reject) => {
    const previous = win[options.callbackName] as (() => void) | undefined;
    const script = document.createElement('script');
    const timer = window.setTimeout(() => fail(), options.timeoutMs);
    function fail() {
      window.clearTimeout(timer);
      script.remove();
      reject(new Error(options.failure));
    }
    win[options.callbackName] = () => {
      window.clearTimeout(timer);
      previous?.();
      const loaded = options.ready();
      if (loaded) resolve(loaded);
      else fail();
    };
    script.src = options.url;
    script.async = true;
    script.onerror = fail;
    document.head.append(script);
  });
}
