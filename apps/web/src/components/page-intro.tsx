import { Container, Pill, type PillTone } from '@wt/ui';
import type { ReactNode } from 'react';

export interface PageIntroProps {
  eyebrow?: string;
  eyebrowTone?: PillTone;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** The top of an inner page: a label, the page's one h1, a lead paragraph and actions. */
export function PageIntro({ eyebrow, eyebrowTone = 'brand', title, children, actions }: PageIntroProps) {
  return (
    <div className="relative overflow-hidden border-b border-line bg-hero-glow">
      <Container className="py-14 sm:py-20">
        {eyebrow ? <Pill tone={eyebrowTone}>{eyebrow}</Pill> : null}
        <h1 className="mt-4 max-w-3xl text-4xl font-bold tracking-tight text-balance text-ink sm:text-5xl">
          {title}
        </h1>
        {children ? <div className="mt-5 max-w-2xl text-lg leading-8 text-ink-muted">{children}</div> : null}
        {actions ? <div className="mt-8 flex flex-wrap gap-3">{actions}</div> : null}
      </Container>
    </div>
  );
}
