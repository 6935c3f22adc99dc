import type { ButtonHTMLAttributes } from 'react';
import { cx } from './cx';

export type ButtonVariant = 'primary' | 'accent' | 'secondary' | 'ghost' | 'outline' | 'inverse' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

const base =
  'inline-flex items-center justify-center gap-2 rounded-full font-semibold whitespace-nowrap transition ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ' +
  'disabled:pointer-events-none disabled:opacity-50';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-brand-600 text-white shadow-sm shadow-brand-900/20 hover:bg-brand-500 active:bg-brand-700',
  accent:
    'bg-accent-500 text-ink-on-accent shadow-sm shadow-accent-700/20 hover:bg-accent-400 active:bg-accent-600',
  secondary: 'bg-surface-2 text-ink hover:bg-line',
  ghost: 'text-ink hover:bg-surface-2',
  outline:
    'border border-line bg-surface text-ink hover:border-brand-400 hover:text-brand-700 dark:hover:text-brand-200',
  /** On a dark or brand-coloured background. */
  inverse: 'text-white ring-1 ring-white/40 ring-inset hover:bg-white/10',
  /** Irreversible actions: deactivate, delete. */
  danger: 'bg-red-600 text-white shadow-sm shadow-red-900/20 hover:bg-red-500 active:bg-red-700',
};

const sizes: Record<ButtonSize, string> = {
  sm: 'h-9 px-4 text-sm',
  md: 'h-11 px-5 text-sm',
  lg: 'h-12 px-7 text-base',
};

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/**
 * The button look as a class string, so links (next/link, <a>) can look like buttons
 * without nesting interactive elements. `className` should add layout (width, margin), not
 * restyle: there is no class merging, so a second colour or display utility would compete.
 */
export function buttonClasses({
  variant = 'primary',
  size = 'md',
  className,
}: ButtonStyleOptions = {}): string {
  return cx(base, variants[variant], sizes[size], className);
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}
