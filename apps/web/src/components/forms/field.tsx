'use client';

import { cx } from '@wt/ui';
import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  /** Help under the field, shown until there is an error. */
  hint?: ReactNode;
  /** The sentence saying what is wrong with the value (from the zod schema or the API). */
  error?: string;
  /** Something on the label's line, such as a "Forgot your password?" link. */
  labelAside?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

const inputClasses =
  'block h-11 w-full rounded-xl border bg-canvas px-3.5 text-sm text-ink placeholder:text-ink-muted/70 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-0 disabled:opacity-60';

/**
 * A labelled text input with its hint and its error sentence, wired for screen readers
 * (aria-invalid, aria-describedby). Spread `register('name')` from React Hook Form into it.
 */
export function Field({ label, hint, error, labelAside, id: idProp, className, ...input }: FieldProps) {
  const generated = useId();
  const id = idProp ?? `field-${input.name}${generated}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} label={label} aside={labelAside} />
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={cx('mt-1.5', inputClasses, fieldTone(Boolean(error)))}
        {...input}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** A password input with a Show/Hide switch (no second "repeat password" field needed). */
export function PasswordField({
  label,
  hint,
  error,
  labelAside,
  id: idProp,
  className,
  ...input
}: FieldProps) {
  const generated = useId();
  const id = idProp ?? `field-${input.name}${generated}`;
  const [visible, setVisible] = useState(false);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} label={label} aside={labelAside} />
      <div className="relative mt-1.5">
        <input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={cx(inputClasses, 'pr-20', fieldTone(Boolean(error)))}
          {...input}
          type={visible ? 'text' : 'password'}
        />
        <button
          type="button"
          aria-controls={id}
          aria-pressed={visible}
          onClick={() => setVisible(!visible)}
          className="absolute inset-y-1.5 right-1.5 rounded-lg px-3 text-xs font-semibold text-ink-muted transition hover:bg-surface-2 hover:text-ink"
        >
          {visible ? 'Hide' : 'Show'}
          <span className="sr-only"> password</span>
        </button>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

function FieldLabel({ htmlFor, label, aside }: { htmlFor: string; label: string; aside?: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {aside ? <div className="text-sm">{aside}</div> : null}
    </div>
  );
}

function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs leading-5 text-ink-muted">
          {hint}
        </p>
      ) : null}
    </>
  );
}

function fieldTone(invalid: boolean): string {
  return invalid
    ? 'border-red-500 focus-visible:border-red-500 focus-visible:outline-red-500/40 dark:border-red-400'
    : 'border-line focus-visible:border-brand-500 focus-visible:outline-brand-500/40';
}
