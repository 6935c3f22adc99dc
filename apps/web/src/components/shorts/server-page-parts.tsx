import { Card, Container } from '@wt/ui';
import { jsonLdScriptBody } from '@/shorts/json-ld';

/** A server-rendered Shorts page whose data the API could not give right now. */
export function UnavailablePage({ title }: { title: string }) {
  return (
    <Container size="sm" className="py-16">
      <Card>
        <h1 className="text-xl font-semibold text-ink">{title}</h1>
        <p className="mt-2 text-sm text-ink-muted">WatchTogether isn&apos;t answering right now. Reload the page in a moment.</p>
      </Card>
    </Container>
  );
}

/** Structured data in the page: escaped by jsonLdScriptBody, so no `<` reaches the HTML. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptBody(data) }} />;
}
