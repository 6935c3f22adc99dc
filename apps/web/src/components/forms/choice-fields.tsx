'use client';

import { cx } from '@wt/ui';
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * Radio, select and checkbox fields for React Hook Form, in the look of `Field`: each labelled, with
 * its hint and its error sentence wired for screen readers.
 */

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A set of radio buttons drawn as cards; spread `register('name')` into `field`. */
export function RadioCards<T extends string>({
  legend,
  options,
  field,
  error,
  columns = 3,
}: {
  legend: string;
  options: readonly ChoiceOption<T>[];
  field: UseFormRegisterReturn;
  error?: string;
  columns?: 2 | 3;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className={cx('mt-1.5 grid gap-2', columns === 3 ? 'sm:grid-cols-3' : 'sm:grid-cols-2')}>
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer gap-2.5 rounded-xl border border-line bg-canvas p-3 text-sm transition hover:border-brand-300 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 dark:has-[:checked]:bg-brand-950/40"
          >
            <input
              type="radio"
              value={option.value}
              className="mt-0.5 accent-brand-600 focus-visible:outline-none"
              {...field}
            />
            <span>
              <span className="block font-medium text-ink">{option.label}</span>
              {option.hint ? (
                <span className="mt-0.5 block text-xs leading-5 text-ink-muted">{option.hint}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

export function SelectField({
  label,
  hint,
  error,
  children,
  className,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: ReactNode;
  error?: string;
  name: string;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint && !error ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="mt-1.5 block h-11 w-full rounded-xl border border-line bg-canvas px-3 text-sm text-ink focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500/40"
        {...select}
      >
        {children}
      </select>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs leading-5 text-ink-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** A checkbox with a label and a line of help: for on/off settings. */
export function CheckboxField({
  label,
  hint,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: ReactNode; name: string }) {
  const id = useId();
  return (
    <div className={cx('flex gap-3', className)}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-4 shrink-0 accent-brand-600"
        {...input}
      />
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-ink">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="mt-0.5 text-xs leading-5 text-ink-muted">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="mt-1.5 text-sm text-red-700 dark:text-red-300">
      {error}
    </p>
  ) : null;
}
