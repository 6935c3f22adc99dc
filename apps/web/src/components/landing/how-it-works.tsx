import { Container } from '@wt/ui';

const STEPS = [
  {
    title: 'Create a room',
    body: 'Paste a YouTube, Drive or Spotify link, any web page, or upload your own video. Pick who can join.',
  },
  {
    title: 'Invite your people',
    body: 'Share an invite link that expires when you say, or invite friends straight from your list.',
  },
  {
    title: 'Watch in sync',
    body: 'Every player follows one shared clock. Small drift is eased away; nobody gets yanked around.',
  },
  {
    title: 'Earn XP',
    body: 'Time watched together, daily visits and events earn XP. Level up and climb the weekly leaderboard.',
  },
] as const;

export function HowItWorks() {
  return (
    <section aria-labelledby="how-heading" className="border-y border-line bg-surface/60 py-24">
      <Container>
        <div className="max-w-2xl">
          <h2 id="how-heading" className="text-3xl font-bold tracking-tight text-ink sm:text-4xl">
            How it works
          </h2>
          <p className="mt-4 text-lg leading-8 text-ink-muted">
            From link to shared popcorn moment in under a minute.
          </p>
        </div>
        <ol className="mt-12 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((step, index) => (
            <li key={step.title} className="relative">
              <div className="flex items-center gap-3">
                <span className="grid size-10 place-items-center rounded-full bg-brand-600 font-mono text-sm font-bold text-white">
                  {index + 1}
                </span>
                {index < STEPS.length - 1 ? (
                  <span
                    aria-hidden="true"
                    className="hidden h-px flex-1 bg-linear-to-r from-brand-300 to-transparent lg:block dark:from-brand-700"
                  />
                ) : null}
              </div>
              <h3 className="mt-5 text-lg font-semibold text-ink">{step.title}</h3>
              <p className="mt-2 text-sm leading-6 text-ink-muted">{step.body}</p>
            </li>
          ))}
        </ol>
      </Container>
    </section>
  );
}
