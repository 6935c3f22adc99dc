'use client';

import { useQuery } from '@tanstack/react-query';
import type { CreatorProfile } from '@wt/schemas';
import { Card } from '@wt/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { FormAlert } from '@/components/forms/form-alert';
import { SignInPrompt } from '@/components/sign-in-prompt';
import { shortsErrorOf } from '@/studio/shorts-errors';
import { creatorStatusLabel } from '@/studio/status-labels';
import { useTRPC } from '@/trpc/react';
import { CreatorApplicationForm } from './creator-application-form';
import { CreatorOverview } from './creator-overview';
import { StatusPill } from './status-pill';

/**
 * The /studio page below its header, by who is looking: signed out, the sign-in prompt and what the
 * studio is; no creator profile yet, the application; applied, the wait; rejected, the reason and a
 * new application; approved, the creator's series. `explanation` (the steps and tools) is shown to
 * everyone who is not an approved creator yet.
 */
export function StudioHome({ explanation }: { explanation: ReactNode }) {
  const { status } = useAuth();
  if (status === 'signed-in') return <CreatorStudio explanation={explanation} />;
  return (
    <>
      <SignInPrompt title="Sign in to open your studio">
        You need an approved creator account to publish. Sign in, then apply: a person reviews every
        application.
      </SignInPrompt>
      {explanation}
    </>
  );
}

function CreatorStudio({ explanation }: { explanation: ReactNode }) {
  const trpc = useTRPC();
  const mine = useQuery(trpc.creators.mine.queryOptions());

  if (mine.isPending) {
    return (
      <p role="status" className="text-sm text-ink-muted">
        Opening your studio…
      </p>
    );
  }
  if (mine.isError) return <FormAlert>{shortsErrorOf(mine.error).message}</FormAlert>;

  const profile = mine.data;
  if (profile?.status === 'approved') return <CreatorOverview />;
  return (
    <div className="grid gap-8">
      {profile ? <ApplicationStatus profile={profile} /> : null}
      {profile?.status === 'applied' ? null : <CreatorApplicationForm profile={profile} />}
      {explanation}
    </div>
  );
}

function ApplicationStatus({ profile }: { profile: CreatorProfile }) {
  const applied = profile.status === 'applied';
  return (
    <Card as="section" aria-labelledby="creator-status-heading" className="max-w-2xl">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="creator-status-heading" className="text-lg font-semibold text-ink">
          {applied ? 'Your application is waiting for review' : 'Your application was not approved'}
        </h2>
        <StatusPill status={creatorStatusLabel(profile.status)} />
      </div>
      {applied ? (
        <p className="mt-2 text-sm leading-6 text-ink-muted">
          You applied as <strong className="text-ink">{profile.displayName}</strong> (page address{' '}
          <code className="font-mono text-ink">/creators/{profile.slug}</code>). An admin reviews it; this
          page shows the answer. Meanwhile, browse{' '}
          <Link
            href="/shorts"
            className="font-semibold text-brand-700 underline-offset-4 hover:underline dark:text-brand-300"
          >
            Shorts
          </Link>
          .
        </p>
      ) : (
        <div className="mt-2 grid gap-3 text-sm leading-6 text-ink-muted">
          <p>
            The reviewer said:{' '}
            <span className="text-ink">{profile.reason?.trim() || 'no reason was given.'}</span>
          </p>
          <p>You can change your application below and send it again.</p>
        </div>
      )}
    </Card>
  );
}
