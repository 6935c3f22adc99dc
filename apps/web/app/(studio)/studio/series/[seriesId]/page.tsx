import { seriesIdInput } from '@wt/schemas';
import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { SeriesStudio } from '@/components/shorts/studio/series-studio';

export const metadata: Metadata = { title: 'Edit series · Creator studio', robots: { index: false } };

export default async function StudioSeriesRoute({ params }: { params: Promise<{ seriesId: string }> }) {
  const { seriesId } = await params;
  const id = seriesIdInput.shape.seriesId.safeParse(seriesId);
  if (!id.success) {
    return (
      <AreaPageHeader title="Series not found">
        <p>{id.error.issues[0]?.message ?? 'That series link is not valid.'}</p>
      </AreaPageHeader>
    );
  }
  return <SeriesStudio seriesId={id.data} />;
}
