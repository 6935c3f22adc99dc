'use client';

import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField } from '@/components/forms/choice-fields';
import { Field } from '@/components/forms/field';
import { TextareaField } from '@/components/forms/textarea-field';
import { applyGuildError } from '@/components/guilds/apply-guild-error';
import { FREE_CHOICE_OPTIONS } from '@/studio/free-override';
import { renameFields, type episodeForm } from '@/studio/forms';
import type { ShortsFailure } from '@/studio/shorts-errors';

export type EpisodeFormApi = UseFormReturn<
  z.input<typeof episodeForm>,
  unknown,
  z.output<typeof episodeForm>
>;

/** Title, description and who can watch: the new-episode form and the episode editor share them. */
export function EpisodeFields({ form, autoFocus = false }: { form: EpisodeFormApi; autoFocus?: boolean }) {
  const { errors } = form.formState;
  return (
    <>
      <Field
        label="Episode title"
        autoComplete="off"
        maxLength={100}
        autoFocus={autoFocus}
        error={errors.title?.message}
        {...form.register('title')}
      />
      <TextareaField
        label="Episode description"
        rows={2}
        maxLength={1000}
        error={errors.description?.message}
        {...form.register('description')}
      />
      <SelectField
        label="Free or locked"
        hint="The series rule makes its first episodes free; override it for this one."
        error={errors.access?.message}
        {...form.register('access')}
      >
        {FREE_CHOICE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** The API names the override `freeOverride`; the form calls it `access`. */
export function applyEpisodeError(form: EpisodeFormApi, failure: ShortsFailure): void {
  applyGuildError(form, { ...failure, fields: renameFields(failure.fields, { freeOverride: 'access' }) });
}
