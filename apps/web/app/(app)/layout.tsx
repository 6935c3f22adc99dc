import type { ReactNode } from 'react';
import { AreaShell } from '@/components/area-shell';
import { APP_NAV } from '@/components/site-nav';

export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <AreaShell area="Your space" nav={APP_NAV}>
      {children}
    </AreaShell>
  );
}
