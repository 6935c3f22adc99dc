'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatorApplication } from '@wt/schemas';
import { Button, Card } from '@wt/ui';
import { useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { ErrorLine } from '@/components/guilds/error-line';
import { shortsErrorOf } from '@/studio/shorts-errors';
import { useTRPC, useTRPCClient } from '@/trpc/react';

const REASON_NEEDED = 'Say why the application is rejected: the applicant reads it.';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Admin: the pending creator applications, each approved or rejected (with a reason) in place. */
export function CreatorApplications() {
  const { user } = useAuth();
  const trpc = useTRPC();
  const isAdmin = user?.role === 'admin';
  const pending = useQuery(trpc.creators.pending.queryOptions(undefined, { enabled: isAdmin }));
  const [decided, setDecided] = useState<string | null>(null);

  if (!isAdmin) {
    return (
      <FormAlert tone="warning">
        Only admins can review creator applications. This account is not an admin.
      </FormAlert>
    );
  }
  if (pending.isPending) {
    return (
      <p role="status" className="text-sm text-ink-muted">
        Loading applications…
      </p>
    );
  }
  if (pending.isError) return <FormAlert>{shortsErrorOf(pending.error).message}</FormAlert>;

  return (
    <div className="grid gap-4">
      {decided ? <FormAlert tone="success">{decided}</FormAlert> : null}
      {pending.data.length === 0 ? (
        <Card className="border-dashed">
          <p className="text-sm text-ink-muted">No applications are waiting. New ones appear here.</p>
        </Card>
      ) : (
        <ul className="grid gap-4" aria-label="Pending applications">
          {pending.data.map((application) => (
            <ApplicationCard key={application.id} application={application} onDecided={setDecided} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ApplicationCard({
  application,
  onDecided,
}: {
  application: CreatorApplication;
  onDecided: (sentence: string) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; reason?: string } | null>(null);

  const decide = async (decision: 'approve' | 'reject') => {
    setError(null);
    if (decision === 'reject' && !reason.trim()) {
      return setError({ message: REASON_NEEDED, reason: REASON_NEEDED });
    }
    setBusy(true);
    try {
      await client.creators.review.mutate({
        creatorId: application.id,
        decision,
        reason: decision === 'reject' ? reason : '',
      });
      onDecided(
        decision === 'approve'
          ? `${application.displayName} (${application.username}) is now a creator.`
          : `${application.displayName} (${application.username}) was not approved; they see your reason.`,
      );
      void queryClient.invalidateQueries({ queryKey: trpc.creators.pending.queryKey() });
    } catch (err) {
      const failure = shortsErrorOf(err);
      const aboutReason = decision === 'reject' && failure.code === 'VALIDATION_FAILED';
      setError({
        message: failure.message,
        reason: failure.fields.reason ?? (aboutReason ? failure.message : undefined),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card as="li" aria-label={`Application of ${application.displayName}`} className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-ink">{application.displayName}</h2>
        <p className="text-sm text-ink-muted">
          Applied{' '}
          <time dateTime={application.createdAt}>{dateFormat.format(new Date(application.createdAt))}</time>
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
        <dt className="text-ink-muted">Page address</dt>
        <dd className="font-mono text-ink">/creators/{application.slug}</dd>
        <dt className="text-ink-muted">Account</dt>
        <dd className="text-ink">
          {application.username} · {application.email}
        </dd>
        <dt className="text-ink-muted">Bio</dt>
        <dd className="text-ink">{application.bio || '—'}</dd>
        <dt className="text-ink-muted">Links</dt>
        <dd className="min-w-0 text-ink">
          {application.links.length === 0 ? (
            '—'
          ) : (
            <ul className="grid gap-1">
              {application.links.map((link) => (
                <li key={link} className="break-all">
                  <a
                    href={link}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    className="text-brand-700 underline-offset-4 hover:underline dark:text-brand-300"
                  >
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      {rejecting ? (
        <form
          noValidate
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            void decide('reject');
          }}
        >
          <Field
            name="reason"
            label="Reason"
            autoFocus
            maxLength={300}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            hint="The applicant reads this; say what would make a new application succeed."
            error={error?.reason}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" size="sm" disabled={busy}>
              {busy ? 'Rejecting…' : 'Reject application'}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setRejecting(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={busy} onClick={() => void decide('approve')}>
            {busy ? 'Approving…' : 'Approve'}
            <span className="sr-only"> {application.displayName}</span>
          </Button>
          <Button size="sm" variant="outline" disabled={busy} onClick={() => setRejecting(true)}>
            Reject…<span className="sr-only"> {application.displayName}</span>
          </Button>
        </div>
      )}
      <ErrorLine>{error && !error.reason ? error.message : null}</ErrorLine>
    </Card>
  );
}
