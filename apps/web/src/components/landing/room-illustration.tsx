/**
 * The hero picture, drawn in HTML: a watch room with a shared player, three viewers and a chat,
 * next to a phone playing a Short with reactions. It shows the idea, not data.
 */
export function RoomIllustration() {
  return (
    <div
      role="img"
      aria-label="Illustration: friends in a watch room see the same video at the same moment, chatting beside it, next to a phone playing a vertical Short with emoji reactions."
      className="relative mx-auto w-full max-w-xl"
    >
      <div className="absolute -inset-6 -z-10 rounded-[3rem] bg-grid opacity-60 [mask-image:radial-gradient(closest-side,black,transparent)]" />
      {/* The room window */}
      <div className="overflow-hidden rounded-4xl border border-line bg-surface shadow-2xl shadow-brand-900/15">
        <div className="flex items-center gap-1.5 border-b border-line px-4 py-3">
          <span className="size-2.5 rounded-full bg-accent-400" />
          <span className="size-2.5 rounded-full bg-xp" />
          <span className="size-2.5 rounded-full bg-brand-400" />
          <span className="ml-3 h-2.5 w-32 rounded-full bg-surface-2" />
          <span className="ml-auto inline-flex items-center gap-1.5 rounded-full bg-emerald-100 px-2.5 py-1 text-[11px] font-semibold text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200">
            <span className="size-1.5 rounded-full bg-emerald-500" />
            In sync
          </span>
        </div>
        <div className="grid grid-cols-[1fr_9.5rem] sm:grid-cols-[1fr_11rem]">
          <div className="p-4">
            <div className="relative aspect-video overflow-hidden rounded-2xl bg-linear-to-br from-brand-700 via-brand-600 to-accent-500">
              <div className="absolute inset-0 bg-[radial-gradient(circle_at_30%_30%,rgba(255,255,255,0.35),transparent_55%)]" />
              <div className="absolute inset-0 grid place-items-center">
                <span className="grid size-14 place-items-center rounded-full bg-white/90 shadow-lg">
                  <svg viewBox="0 0 24 24" className="ml-1 size-6 fill-brand-700" aria-hidden="true">
                    <path d="M7 5.5v13a1 1 0 0 0 1.5.86l10.6-6.5a1 1 0 0 0 0-1.72L8.5 4.64A1 1 0 0 0 7 5.5Z" />
                  </svg>
                </span>
              </div>
              <div className="absolute inset-x-4 bottom-3">
                <div className="h-1.5 rounded-full bg-white/30">
                  <div className="relative h-1.5 w-[62%] rounded-full bg-white">
                    <span className="absolute -top-1 -right-1.5 size-3.5 rounded-full bg-white shadow" />
                  </div>
                </div>
              </div>
            </div>
            <div className="mt-4 flex items-center">
              <div className="flex -space-x-2">
                <span className="size-8 rounded-full bg-brand-500 ring-2 ring-surface" />
                <span className="size-8 rounded-full bg-accent-400 ring-2 ring-surface" />
                <span className="size-8 rounded-full bg-xp ring-2 ring-surface" />
              </div>
              <div className="ml-3 space-y-1.5">
                <span className="block h-2 w-24 rounded-full bg-surface-2" />
                <span className="block h-2 w-16 rounded-full bg-surface-2" />
              </div>
              <span className="ml-auto rounded-full bg-xp/20 px-2.5 py-1 font-mono text-[11px] font-semibold text-amber-800 dark:text-amber-200">
                +XP
              </span>
            </div>
          </div>
          <div className="flex flex-col gap-2.5 border-l border-line p-3">
            <ChatLine tone="bg-brand-500" width="w-16" />
            <ChatLine tone="bg-accent-400" width="w-20" />
            <ChatLine tone="bg-xp" width="w-12" />
            <ChatLine tone="bg-brand-500" width="w-[4.5rem]" />
            <div className="mt-auto h-8 rounded-xl border border-line bg-canvas" />
          </div>
        </div>
      </div>
      {/* The Short on a phone */}
      <div className="absolute -right-1 -bottom-10 w-28 animate-float sm:-right-4 sm:w-36">
        <div className="overflow-hidden rounded-[1.75rem] border-4 border-zinc-900 bg-zinc-900 shadow-2xl shadow-brand-950/30 dark:ring-1 dark:ring-white/15">
          <div className="relative aspect-[9/16] rounded-[1.4rem] bg-linear-to-b from-accent-400 via-accent-600 to-brand-800">
            <span className="absolute top-3 left-1/2 h-1.5 w-8 -translate-x-1/2 rounded-full bg-black/30" />
            <Reaction className="right-2 bottom-16 size-7" path={HEART} fill="fill-accent-500" />
            <Reaction className="right-6 bottom-25 size-6 opacity-85" path={STAR} fill="fill-xp" />
            <Reaction className="right-2 bottom-33 size-5 opacity-70" path={HEART} fill="fill-brand-500" />
            <div className="absolute inset-x-3 bottom-4 space-y-1.5">
              <span className="block h-1.5 w-3/4 rounded-full bg-white/80" />
              <span className="block h-1.5 w-1/2 rounded-full bg-white/50" />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

function ChatLine({ tone, width }: { tone: string; width: string }) {
  return (
    <div className="flex items-start gap-2">
      <span className={`mt-0.5 size-5 shrink-0 rounded-full ${tone}`} />
      <div className="space-y-1">
        <span className={`block h-2 rounded-full bg-surface-2 ${width}`} />
        <span className="block h-2 w-10 rounded-full bg-surface-2" />
      </div>
    </div>
  );
}

const HEART = 'M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z';
const STAR = 'm12 4 2.4 5 5.4.6-4 3.7 1.1 5.4L12 16l-4.9 2.7 1.1-5.4-4-3.7 5.4-.6L12 4Z';

/** An emoji-style reaction bubble floating up the Short (drawn, so it looks the same without emoji fonts). */
function Reaction({ className, path, fill }: { className: string; path: string; fill: string }) {
  return (
    <span className={`absolute grid place-items-center rounded-full bg-white/90 shadow-md ${className}`}>
      <svg viewBox="0 0 24 24" className={`size-[70%] ${fill}`} aria-hidden="true">
        <path d={path} />
      </svg>
    </span>
  );
}
