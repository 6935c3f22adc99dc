'use client';

import { MAX_FREE_EPISODES, SHORTS_GENRES } from '@wt/schemas';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField } from '@/components/forms/choice-fields';
import { Field } from '@/components/forms/field';
import { TextareaField } from '@/components/forms/textarea-field';
import { genreLabel, slugify, type seriesForm } from '@/studio/forms';

export type SeriesFormApi = UseFormReturn<z.input<typeof seriesForm>, unknown, z.output<typeof seriesForm>>;

/** Title, address, description, genre and free episodes: the new-series dialog and the editor share them. */
export function SeriesFields({ form, autoFocus = false }: { form: SeriesFormApi; autoFocus?: boolean }) {
  const { errors } = form.formState;
  const descriptionLength = String(form.watch('description') ?? '').length;
  return (
    <>
      <Field
        label="Title"
        autoComplete="off"
        maxLength={80}
        autoFocus={autoFocus}
        error={errors.title?.message}
        {...form.register('title', {
          // Suggests the address from the name until the address is typed by hand (new ones only).
          onChange: (e: { target: { value: string } }) => {
            if (!form.formState.defaultValues?.slug && !form.getFieldState('slug').isDirty)
              form.setValue('slug', slugify(e.target.value));
          },
        })}
      />
      <Field
        label="Page address"
        autoComplete="off"
        spellCheck={false}
        maxLength={60}
        hint="The series page is /series/<address>: lower-case letters, digits and dashes."
        error={errors.slug?.message}
        {...form.register('slug')}
      />
      <TextareaField
        label="Description"
        rows={4}
        maxLength={2000}
        hint={`What it is about; shown on the series page and in link previews. ${descriptionLength}/2000 characters.`}
        error={errors.description?.message}
        {...form.register('description')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Genre" error={errors.genre?.message} {...form.register('genre')}>
          <option value="">Choose a genre</option>
          {SHORTS_GENRES.map((genre) => (
            <option key={genre} value={genre}>
              {genreLabel(genre)}
            </option>
          ))}
        </SelectField>
        <Field
          label="Free episodes"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_FREE_EPISODES}
          hint="The series' first episodes that anyone can watch; the rest need the season."
          error={errors.freeEpisodes?.message}
          {...form.register('freeEpisodes')}
        />
      </div>
    </>
  );
}
