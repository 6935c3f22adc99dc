import { NavLinks } from './nav-links';
import type { NavItem } from './site-nav';

/**
 * The side navigation of an area (the app, the studio, admin): a vertical list on wide screens,
 * a horizontally scrolling row of tabs on phones.
 */
export function SectionNav({ label, items }: { label: string; items: readonly NavItem[] }) {
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 lg:mx-0 lg:overflow-visible lg:px-0">
      <NavLinks
        items={items}
        className="lg:flex-col"
        itemClassName="shrink-0"
        linkClassName="block rounded-xl"
      />
    </nav>
  );
}
