import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ApiFailure } from '@/auth/api';
import { mapApiError, type CodeFieldMap } from '@/auth/form-errors';

/**
 * Shows an API error on a React Hook Form form: each field sentence under its field (the first one
 * focused), the rest as the form's message (`errors.root.server`). Values are left alone, so nothing
 * typed is lost.
 */
export function applyApiError<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: ApiFailure,
  codeFields?: CodeFieldMap,
): void {
  const names = Object.keys(form.getValues()) as Array<Path<T>>;
  const mapped = mapApiError(error, names, codeFields);
  let focus = true;
  for (const name of names) {
    const message = mapped.fields[name];
    if (!message) continue;
    form.setError(name, { type: 'server', message }, { shouldFocus: focus });
    focus = false;
  }
  if (mapped.form) form.setError('root.server', { type: 'server', message: mapped.form });
}
