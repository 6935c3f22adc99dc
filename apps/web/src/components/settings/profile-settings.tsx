'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  editableProfileSchema,
  LIMITS,
  updateProfileInput,
  USERNAME_CHANGE_DAYS,
  type EditableProfile,
} from '@wt/schemas';
import { Button } from '@wt/ui';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { nameOf } from '@/profile/format';
import { showcaseToggle } from '@/profile/showcase';
import { useTRPC } from '@/trpc/react';
import { applyApiError } from '../forms/apply-api-error';
import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { AvatarUpload, type AvatarUploadText } from '../profile/avatar-upload';
import { SettingsSection } from './settings-section';

type Notice = { tone: 'success' | 'error'; text: string } | null;

/** Settings > Profile: avatar, username, display name, bio and the badge showcase. */
export function ProfileSettings() {
  const { status } = useAuth();
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.profile.me.queryOptions(), enabled: status === 'signed-in' });
  if (status !== 'signed-in') return null;
  return (
    <SettingsSection
      id="profile"
      title="Profile"
      description={
        me.data ? (
          <>
            What others see on{' '}
            <Link href={`/u/${me.data.username}`} className="font-medium text-brand-700 underline dark:text-brand-300">
              your public profile
            </Link>
            .
          </>
        ) : (
          'What others see on your public profile.'
        )
      }
    >
      {me.isPending ? (
        <p role="status" className="text-sm text-ink-muted">
          Loading your profile…
        </p>
      ) : me.isError || !me.data ? (
        <FormAlert>Your profile could not be loaded. Please try again in a moment.</FormAlert>
      ) : (
        <div className="grid gap-8">
          <AvatarEditor profile={me.data} />
          <ProfileForm profile={me.data} />
          <ShowcaseEditor profile={me.data} />
        </div>
      )}
    </SettingsSection>
  );
}

/** Keeps profile.me and the signed-in user (header, menus) in step with what the API answered. */
function useProfileSaved() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { client, user } = useAuth();
  return (next: Partial<EditableProfile>) => {
    queryClient.setQueryData(trpc.profile.me.queryKey(), (old: EditableProfile | undefined) => (old ? { ...old, ...next } : old));
    if (user) {
      client.updateUser({
        ...user,
        ...(next.username !== undefined ? { username: next.username } : {}),
        ...(next.displayName !== undefined ? { displayName: next.displayName } : {}),
        ...(next.avatarUrl !== undefined ? { avatarUrl: next.avatarUrl } : {}),
      });
    }
    void queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
  };
}

const AVATAR_TEXT: AvatarUploadText = {
  upload: 'Upload an avatar',
  change: 'Change avatar',
  remove: 'Remove',
  tooLargeSubject: 'Avatars',
  saved: 'Your new avatar is saved.',
  removed: 'Your avatar is removed.',
};

function AvatarEditor({ profile }: { profile: EditableProfile }) {
  const saved = useProfileSaved();
  return (
    <AvatarUpload
      path="/api/users/me/avatar"
      url={profile.avatarUrl}
      name={nameOf(profile)}
      text={AVATAR_TEXT}
      onSaved={(avatarUrl) => saved({ avatarUrl })}
    />
  );
}

type ProfileValues = { username: string; displayName: string; bio: string };

function ProfileForm({ profile }: { profile: EditableProfile }) {
  const { client } = useAuth();
  const saved = useProfileSaved();
  const [done, setDone] = useState(false);
  const form = useForm<ProfileValues, unknown, z.output<typeof updateProfileInput>>({
    resolver: zodResolver(updateProfileInput) as never,
    defaultValues: { username: profile.username, displayName: profile.displayName ?? '', bio: profile.bio ?? '' },
  });
  const { errors, isSubmitting } = form.formState;
  const bioLength = form.watch('bio')?.length ?? 0;
  const nextChange = profile.usernameChangeAvailableAt;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    const body = {
      // Sending the current name is no change; leaving it out keeps the request clear of the rate limit.
      ...(values.username !== profile.username ? { username: values.username } : {}),
      displayName: values.displayName ?? null,
      bio: values.bio ?? null,
    };
    const result = await callApi(client.authFetch, '/api/users/me/profile', { method: 'POST', body }, editableProfileSchema);
    // The form's values are strings; the resolver's output type differs only in optionality.
    if (!result.ok) return applyApiError(form as unknown as UseFormReturn<ProfileValues>, result.error);
    saved(result.data);
    form.reset({ username: result.data.username, displayName: result.data.displayName ?? '', bio: result.data.bio ?? '' });
    setDone(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-lg gap-4">
      <Field
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={LIMITS.usernameMax}
        hint={
          nextChange
            ? `You can change it again on ${new Date(nextChange).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}.`
            : `${LIMITS.usernameMin}-${LIMITS.usernameMax} letters, digits or underscores. You can change it once every ${USERNAME_CHANGE_DAYS} days.`
        }
        error={errors.username?.message}
        {...form.register('username')}
      />
      <Field
        label="Display name"
        autoComplete="nickname"
        maxLength={LIMITS.displayNameMax}
        hint={`Up to ${LIMITS.displayNameMax} characters.`}
        error={errors.displayName?.message}
        {...form.register('displayName')}
      />
      <BioField error={errors.bio?.message} length={bioLength} register={form.register('bio')} />
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      {done ? <FormAlert tone="success">Your profile is saved.</FormAlert> : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save profile'}
        </Button>
      </div>
    </form>
  );
}

function BioField({
  error,
  length,
  register,
}: {
  error?: string;
  length: number;
  register: ReturnType<ReturnType<typeof useForm<ProfileValues>>['register']>;
}) {
  const describedBy = error ? 'bio-error' : 'bio-hint';
  return (
    <div>
      <label htmlFor="profile-bio" className="block text-sm font-medium text-ink">
        Bio
      </label>
      <textarea
        id="profile-bio"
        rows={3}
        maxLength={LIMITS.bioMax}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1.5 block w-full rounded-xl border border-line bg-canvas px-3.5 py-2.5 text-sm text-ink focus-visible:outline-2 focus-visible:outline-brand-500/40"
        {...register}
      />
      {error ? (
        <p id="bio-error" className="mt-1.5 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : (
        <p id="bio-hint" className="mt-1.5 text-xs text-ink-muted">
          {length}/{LIMITS.bioMax} characters.
        </p>
      )}
    </div>
  );
}

function ShowcaseEditor({ profile }: { profile: EditableProfile }) {
  const { client } = useAuth();
  const saved = useProfileSaved();
  const displayed = profile.badges.filter((b) => b.isDisplayed).map((b) => b.id);
  const [chosen, setChosen] = useState<string[]>(displayed);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const displayedKey = displayed.join(',');
  useEffect(() => setChosen(displayedKey ? displayedKey.split(',') : []), [displayedKey]);

  if (profile.badges.length === 0) {
    return <p className="text-sm text-ink-muted">Badges you earn in events show up here; pick up to {LIMITS.badgeShowcaseMax} for your profile.</p>;
  }
  const save = async () => {
    setBusy(true);
    setNotice(null);
    const result = await callApi(client.authFetch, '/api/users/me/profile', { method: 'POST', body: { showcase: chosen } }, editableProfileSchema);
    setBusy(false);
    if (!result.ok) return setNotice({ tone: 'error', text: result.error.fields?.showcase ?? result.error.message });
    saved(result.data);
    setNotice({ tone: 'success', text: 'Your badge showcase is saved.' });
  };
  return (
    <fieldset className="grid gap-3">
      <legend className="text-sm font-medium text-ink">
        Badge showcase <span className="font-normal text-ink-muted">({chosen.length}/{LIMITS.badgeShowcaseMax})</span>
      </legend>
      <ul className="grid gap-2 sm:grid-cols-2">
        {profile.badges.map((badge) => {
          const checked = chosen.includes(badge.id);
          return (
            <li key={badge.id}>
              <label className="flex items-center gap-2.5 rounded-xl border border-line p-2.5 text-sm has-[:checked]:border-brand-500">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-600"
                  checked={checked}
                  disabled={!checked && chosen.length >= LIMITS.badgeShowcaseMax}
                  onChange={() => setChosen(showcaseToggle(chosen, badge.id))}
                />
                <span className="text-ink">{badge.name}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
      <div>
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save showcase'}
        </Button>
      </div>
    </fieldset>
  );
}
