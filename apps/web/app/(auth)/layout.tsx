import type { ReactNode } from 'react';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="flex justify-center bg-hero-glow px-4 py-12 sm:py-20">{children}</div>;
}
