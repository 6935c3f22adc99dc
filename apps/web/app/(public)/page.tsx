import { CtaBand } from '@/components/landing/cta-band';
import { FeatureGrid } from '@/components/landing/feature-grid';
import { Hero } from '@/components/landing/hero';
import { HowItWorks } from '@/components/landing/how-it-works';
import { Products } from '@/components/landing/products';
import { StatsStrip } from '@/components/landing/stats-strip';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';

/** Re-render at most once a minute so the stats in the HTML stay fresh without a render per visit. */
export const revalidate = 60;

export default async function LandingPage() {
  // Never throws: if the API is down the strip renders its fallback and retries in the browser.
  await getQueryClient().prefetchQuery(trpc.platform.stats.queryOptions());

  return (
    <HydrateClient>
      <Hero />
      <StatsStrip />
      <Products />
      <HowItWorks />
      <FeatureGrid />
      <CtaBand />
    </HydrateClient>
  );
}
