import type { ReactNode } from 'react';
import { AreaShell } from '@/components/area-shell';
import { ADMIN_NAV } from '@/components/site-nav';

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <AreaShell area="Admin" areaTone="neutral" nav={ADMIN_NAV}>
      {children}
    </AreaShell>
  );
}
