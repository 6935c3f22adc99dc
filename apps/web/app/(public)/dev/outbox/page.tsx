import { Container } from '@wt/ui';
import type { Metadata } from 'next';
import { DevOutbox } from '@/components/dev/dev-outbox';
import { PageIntro } from '@/components/page-intro';
import { firstParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Dev outbox', robots: { index: false } };

export default async function DevOutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const to = firstParam(await searchParams, 'to');
  return (
    <>
      <PageIntro eyebrow="Development" eyebrowTone="neutral" title="Dev outbox">
        <p>
          With no mail provider configured, WatchTogether keeps the emails it sends here, so you can confirm
          an address or reset a password on your own machine.
        </p>
      </PageIntro>
      <Container className="py-10">
        <DevOutbox to={to} />
      </Container>
    </>
  );
}
