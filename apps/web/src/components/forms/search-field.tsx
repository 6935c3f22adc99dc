'use client';

import type { ReactNode } from 'react';
import { Field } from './field';

/** A search box in its own search landmark; results update as the person types, so Enter does nothing. */
export function SearchField({
  label,
  name,
  value,
  onChange,
  hint,
  className,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  className?: string;
}) {
  return (
    <form role="search" onSubmit={(e) => e.preventDefault()} className={className}>
      <Field
        label={label}
        name={name}
        type="search"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        hint={hint}
      />
    </form>
  );
}
