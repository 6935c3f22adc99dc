import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { GuildFailure } from '@/guilds/guild-errors';

/**
 * Shows a guild refusal on a React Hook Form form: sentences for the form's own fields under them
 * (the first one focused), anything else as the form's message (`errors.root.server`).
 */
export function applyGuildError<T extends FieldValues>(form: UseFormReturn<T>, failure: GuildFailure): void {
  const names = new Set(Object.keys(form.getValues()));
  let focus = true;
  let placed = false;
  for (const [name, message] of Object.entries(failure.fields)) {
    if (!names.has(name)) continue;
    form.setError(name as Path<T>, { type: 'server', message }, { shouldFocus: focus });
    focus = false;
    placed = true;
  }
  if (!placed) form.setError('root.server', { type: 'server', message: failure.message });
}
