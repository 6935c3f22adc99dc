'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { CREATOR_LINKS_MAX, type CreatorProfile } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import { useForm, type FieldError } from 'react-hook-form';
import type { z } from 'zod';
import { applyGuildError } from '@/components/guilds/apply-guild-error';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { TextareaField } from '@/components/forms/textarea-field';
import { applicationDefaults, creatorApplicationForm, slugify } from '@/studio/forms';
import { shortsErrorOf } from '@/studio/shorts-errors';
import { useTRPC, useTRPCClient } from '@/trpc/react';

/** The first sentence under a field whose value is a list (links: one error per line). */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const own = (error as FieldError).message;
  if (typeof own === 'string' && own) return own;
  for (const item of Object.values(error as Record<string, unknown>)) {
    const nested = firstMessage(item);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Apply to become a creator, or apply again after a rejection (the same profile goes back to
 * "applied"). The API checks the same schema and that the page address is free.
 */
export function CreatorApplicationForm({ profile }: { profile: CreatorProfile | null }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const form = useForm<
    z.input<typeof creatorApplicationForm>,
    unknown,
    z.output<typeof creatorApplicationForm>
  >({
    resolver: zodResolver(creatorApplicationForm),
    defaultValues: applicationDefaults(profile),
  });
  const { errors, isSubmitting } = form.formState;
  const bioLength = form.watch('bio')?.length ?? 0;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const applied = await client.creators.submitApplication.mutate(values);
      queryClient.setQueryData(trpc.creators.mine.queryKey(), applied);
    } catch (error) {
      applyGuildError(form, shortsErrorOf(error));
    }
  });

  const slugField = form.register('slug');
  return (
    <Card as="section" aria-labelledby="creator-apply-heading" className="max-w-2xl">
      <h2 id="creator-apply-heading" className="text-lg font-semibold text-ink">
        {profile ? 'Apply again' : 'Apply to become a creator'}
      </h2>
      <p className="mt-1 text-sm leading-6 text-ink-muted">
        A person reviews every application, usually within a day. Once approved you can publish series and get
        a creator page.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-5 grid gap-4">
        <Field
          label="Creator name"
          autoComplete="off"
          maxLength={40}
          hint="How viewers see you, from 2 to 40 characters."
          error={errors.displayName?.message}
          {...form.register('displayName', {
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
          hint="Your page will be /creators/<address>: lower-case letters, digits and dashes."
          error={errors.slug?.message}
          {...slugField}
        />
        <TextareaField
          label="Bio"
          maxLength={160}
          hint={`What you make, in a line or two. ${bioLength}/160 characters.`}
          error={errors.bio?.message}
          {...form.register('bio')}
        />
        <TextareaField
          label="Links"
          rows={3}
          spellCheck={false}
          hint={`Where viewers can find your work, one full address per line (at most ${CREATOR_LINKS_MAX}).`}
          error={firstMessage(errors.links)}
          {...form.register('links')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Sending…' : profile ? 'Apply again' : 'Send application'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
