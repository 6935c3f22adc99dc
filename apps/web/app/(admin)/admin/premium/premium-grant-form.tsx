'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { PREMIUM_GRANT_DAYS_MAX, premiumGrantInput, type PremiumStatus } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useAuth } from '@/auth/auth-provider';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { roomErrorOf } from '@/rooms/trpc-errors';
import { useTRPC } from '@/trpc/react';

type GrantValues = z.input<typeof premiumGrantInput>;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/** The sentence shown after a grant or a revoke. */
function outcomeSentence(status: PremiumStatus): string {
  if (!status.active) return `${status.username} has no Premium now.`;
  if (!status.premiumUntil) return `${status.username} has lifetime Premium; it stays lifetime.`;
  return `${status.username} has Premium until ${dateFormat.format(new Date(status.premiumUntil))} (UTC).`;
}

/**
 * Admin: grant days of Premium (added to what the member has, never shortened) or revoke it, by
 * username. The API checks the admin role again on every call.
 */
export function PremiumGrantForm() {
  const { user } = useAuth();
  const trpc = useTRPC();
  const grant = useMutation(trpc.premium.grant.mutationOptions());
  const revoke = useMutation(trpc.premium.revoke.mutationOptions());
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<GrantValues, unknown, z.output<typeof premiumGrantInput>>({
    resolver: zodResolver(premiumGrantInput),
    defaultValues: { username: '', days: 30 },
  });
  const { errors, isSubmitting } = form.formState;

  if (user?.role !== 'admin') {
    return (
      <FormAlert tone="warning">
        Only admins can grant or revoke Premium. This account is not an admin.
      </FormAlert>
    );
  }

  const onGrant = form.handleSubmit(async (values) => {
    setDone(null);
    try {
      setDone(outcomeSentence(await grant.mutateAsync(values)));
    } catch (error) {
      form.setError('root.server', { type: 'server', message: roomErrorOf(error).message });
    }
  });

  const onRevoke = async () => {
    setDone(null);
    const valid = await form.trigger('username');
    if (!valid) return;
    try {
      setDone(outcomeSentence(await revoke.mutateAsync({ username: form.getValues('username') })));
    } catch (error) {
      form.setError('root.server', { type: 'server', message: roomErrorOf(error).message });
    }
  };

  const busy = isSubmitting || grant.isPending || revoke.isPending;
  return (
    <Card as="section" aria-labelledby="premium-grant-heading" className="max-w-xl">
      <h2 id="premium-grant-heading" className="text-lg font-semibold text-ink">
        Grant Premium
      </h2>
      <p className="mt-1 text-sm leading-6 text-ink-muted">
        Days are added to what the member already has; lifetime Premium stays lifetime.
      </p>
      <form onSubmit={onGrant} noValidate className="mt-5 grid gap-4">
        <Field
          label="Username"
          autoComplete="off"
          spellCheck={false}
          error={errors.username?.message}
          {...form.register('username')}
        />
        <Field
          label="Days"
          type="number"
          inputMode="numeric"
          min={1}
          max={PREMIUM_GRANT_DAYS_MAX}
          hint={`From 1 to ${PREMIUM_GRANT_DAYS_MAX} days.`}
          error={errors.days?.message}
          {...form.register('days')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        {done ? <FormAlert tone="success">{done}</FormAlert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={busy}>
            {grant.isPending ? 'Granting…' : 'Grant Premium'}
          </Button>
          <Button type="button" variant="danger" disabled={busy} onClick={() => void onRevoke()}>
            {revoke.isPending ? 'Revoking…' : 'Revoke Premium'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
