import { Container, Pill, type PillTone } from '@wt/ui';
import type { ReactNode } from 'react';
import { SectionNav } from './section-nav';
import type { NavItem } from './site-nav';

export interface AreaShellProps {
  /** Name of the area, shown above its navigation ("Your space", "Creator studio"). */
  area: string;
  areaTone?: PillTone;
  nav: readonly NavItem[];
  children: ReactNode;
}

/** Layout of a signed-in area: its navigation beside (or above, on phones) the page. */
export function AreaShell({ area, areaTone = 'brand', nav, children }: AreaShellProps) {
  return (
    <Container className="grid grid-cols-1 gap-8 py-8 lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-12 lg:py-12">
      <aside className="min-w-0 lg:sticky lg:top-24 lg:self-start">
        <Pill tone={areaTone} className="mb-4">
          {area}
        </Pill>
        <SectionNav label={area} items={nav} />
      </aside>
      <div className="min-w-0">{children}</div>
    </Container>
  );
}

/** The heading block at the top of a page inside an area. */
export function AreaPageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="mb-8">
      <h1 className="text-3xl font-bold tracking-tight text-ink sm:text-4xl">{title}</h1>
      {children ? <div className="mt-3 max-w-2xl text-base leading-7 text-ink-muted">{children}</div> : null}
    </header>
  );
}
