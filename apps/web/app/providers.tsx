'use client';

import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';
import { AuthProvider } from '@/auth/auth-provider';
import { TRPCReactProvider } from '@/trpc/react';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <AuthProvider>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </AuthProvider>
    </ThemeProvider>
  );
}
