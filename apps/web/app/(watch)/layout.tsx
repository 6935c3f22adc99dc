import { Container } from '@wt/ui';
import type { ReactNode } from 'react';

/** Rooms get the whole width: no area sidebar beside the player and the chat. */
export default function WatchLayout({ children }: { children: ReactNode }) {
  return <Container className="py-6 lg:py-8">{children}</Container>;
}
