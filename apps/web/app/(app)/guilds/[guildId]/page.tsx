import { guildIdInput } from '@wt/schemas';
import type { Metadata } from 'next';
import { AreaPageHeader } from '@/components/area-shell';
import { GuildPage } from '@/components/guilds/guild-page';

export const metadata: Metadata = { title: 'Guild' };

export default async function GuildRoute({ params }: { params: Promise<{ guildId: string }> }) {
  const { guildId } = await params;
  const id = guildIdInput.shape.guildId.safeParse(guildId);
  if (!id.success) {
    return (
      <AreaPageHeader title="Guild not found">
        <p>{id.error.issues[0]?.message ?? 'That guild link is not valid.'}</p>
      </AreaPageHeader>
    );
  }
  return <GuildPage guildId={id.data} />;
}
