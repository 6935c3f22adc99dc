import type { ReactNode } from 'react';
import { AreaShell } from '@/components/area-shell';
import { STUDIO_NAV } from '@/components/site-nav';

export default function StudioLayout({ children }: { children: ReactNode }) {
  return (
    <AreaShell area="Creator studio" areaTone="accent" nav={STUDIO_NAV}>
      {children}
    </AreaShell>
  );
}
