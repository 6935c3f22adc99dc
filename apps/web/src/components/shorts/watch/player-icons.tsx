import type { SVGProps } from 'react';

/** Player glyphs (decorative: every button carries its own name). */
type IconProps = SVGProps<SVGSVGElement>;

const base = { viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;

export const PlayFilledIcon = (p: IconProps) => (
  <svg {...base} fill="currentColor" {...p}>
    <path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5Z" />
  </svg>
);

export const PauseIcon = (p: IconProps) => (
  <svg {...base} fill="currentColor" {...p}>
    <rect x="6" y="5" width="4" height="14" rx="1" />
    <rect x="14" y="5" width="4" height="14" rx="1" />
  </svg>
);

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const SoundOnIcon = (p: IconProps) => (
  <svg {...base} {...stroke} {...p}>
    <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" />
    <path d="M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11" />
  </svg>
);

export const SoundOffIcon = (p: IconProps) => (
  <svg {...base} {...stroke} {...p}>
    <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" />
    <path d="m16 9.5 5 5m0-5-5 5" />
  </svg>
);

export const ChevronUpIcon = (p: IconProps) => (
  <svg {...base} {...stroke} {...p}>
    <path d="m6 15 6-6 6 6" />
  </svg>
);

export const ChevronDownIcon = (p: IconProps) => (
  <svg {...base} {...stroke} {...p}>
    <path d="m6 9 6 6 6-6" />
  </svg>
);

export const BackIcon = (p: IconProps) => (
  <svg {...base} {...stroke} {...p}>
    <path d="M15 18 9 12l6-6" />
  </svg>
);
