import type { HTMLAttributes } from 'react';
import { cx } from './cx';

export type ContainerSize = 'sm' | 'md' | 'lg';

const widths: Record<ContainerSize, string> = {
  sm: 'max-w-2xl',
  md: 'max-w-5xl',
  lg: 'max-w-7xl',
};

export interface ContainerProps extends HTMLAttributes<HTMLDivElement> {
  size?: ContainerSize;
}

/** Centers content with the page gutters used across the app. */
export function Container({ size = 'lg', className, ...props }: ContainerProps) {
  return <div className={cx('mx-auto w-full px-4 sm:px-6 lg:px-8', widths[size], className)} {...props} />;
}
