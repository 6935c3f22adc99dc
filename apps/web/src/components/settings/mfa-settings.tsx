'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  mfaCodeInput,
  mfaDisableInput,
  mfaEnableResponse,
  mfaSetupResponse,
  mfaStatusResponse,
  TOTP_DIGITS,
  type MfaDisableInput,
  type MfaSetupResponse,
} from '@wt/schemas';
import { Button, Pill } from '@wt/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { callApi } from '@/auth/api';
import { useAuth } from '@/auth/auth-provider';
import { REAUTH_CODE_FIELDS } from '@/auth/form-errors';
import { applyApiError } from '../forms/apply-api-error';
import { Field, PasswordField } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import { SettingsSection } from './settings-section';

type Phase =
  { kind: 'idle' } | { kind: 'setup'; setup: MfaSetupResponse } | { kind: 'codes'; codes: string[] };

/** Two-step verification: enrol an authenticator app (QR + key), keep the backup codes, or turn it off. */
export function MfaSettings({ userId }: { userId: string }) {
  const { client } = useAuth();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const statusKey = ['auth', 'mfa', 'status', userId];
  const status = useQuery({
    queryKey: statusKey,
    queryFn: async () => {
      const result = await callApi(client.authFetch, '/api/auth/mfa/status', {}, mfaStatusResponse);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  const refreshStatus = () => queryClient.invalidateQueries({ queryKey: statusKey });

  const startSetup = async () => {
    setStarting(true);
    setStartError(null);
    setNotice(null);
    const result = await callApi(
      client.authFetch,
      '/api/auth/mfa/setup',
      { method: 'POST' },
      mfaSetupResponse,
    );
    setStarting(false);
    if (!result.ok) return setStartError(result.error.message);
    setPhase({ kind: 'setup', setup: result.data });
  };

  const enabled = status.data?.enabled ?? false;
  return (
    <SettingsSection
      id="security"
      title="Two-step verification"
      description="Besides your password, signing in asks for a 6-digit code from an authenticator app on your phone, so a leaked password alone is not enough."
      aside={
        status.data ? <Pill tone={enabled ? 'success' : 'neutral'}>{enabled ? 'On' : 'Off'}</Pill> : null
      }
    >
      {notice ? (
        <FormAlert tone="success" className="mb-4">
          {notice}
        </FormAlert>
      ) : null}
      {phase.kind === 'setup' ? (
        <SetupStep
          setup={phase.setup}
          onCancel={() => setPhase({ kind: 'idle' })}
          onEnabled={(codes) => {
            setPhase({ kind: 'codes', codes });
            void refreshStatus();
          }}
        />
      ) : phase.kind === 'codes' ? (
        <BackupCodes
          codes={phase.codes}
          onDone={() => {
            setPhase({ kind: 'idle' });
            setNotice('Two-step verification is on. Next time you sign in, we will ask for a code.');
          }}
        />
      ) : status.isPending ? (
        <p role="status" className="text-sm text-ink-muted">
          Checking your two-step verification…
        </p>
      ) : status.isError ? (
        <FormAlert>
          {status.error.message}{' '}
          <button type="button" onClick={() => void status.refetch()} className="font-semibold underline">
            Try again
          </button>
        </FormAlert>
      ) : enabled ? (
        <DisableForm
          backupCodesLeft={status.data.backupCodesLeft}
          onDisabled={() => {
            setNotice('Two-step verification is off. Signing in needs only your password now.');
            void refreshStatus();
          }}
        />
      ) : (
        <div className="space-y-4">
          {startError ? <FormAlert>{startError}</FormAlert> : null}
          <Button onClick={() => void startSetup()} disabled={starting}>
            {starting ? 'Preparing…' : 'Set up two-step verification'}
          </Button>
        </div>
      )}
    </SettingsSection>
  );
}

function SetupStep({
  setup,
  onCancel,
  onEnabled,
}: {
  setup: MfaSetupResponse;
  onCancel: () => void;
  onEnabled: (backupCodes: string[]) => void;
}) {
  const { client } = useAuth();
  const form = useForm<z.input<typeof mfaCodeInput>, unknown, z.output<typeof mfaCodeInput>>({
    resolver: zodResolver(mfaCodeInput),
    defaultValues: { code: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callApi(
      client.authFetch,
      '/api/auth/mfa/enable',
      { method: 'POST', body: values },
      mfaEnableResponse,
    );
    if (!result.ok) return applyApiError(form, result.error);
    onEnabled(result.data.backupCodes);
  });

  return (
    <div className="grid gap-6 md:grid-cols-[auto_minmax(0,1fr)]">
      <div>
        <p className="text-sm font-semibold text-ink">1. Scan this code</p>
        {/* A data: URL made by the API; white behind it so dark mode does not hide the code. */}
        <img
          src={setup.qrDataUrl}
          alt="QR code to add WatchTogether to your authenticator app"
          width={176}
          height={176}
          className="mt-3 rounded-2xl border border-line bg-white p-2"
        />
      </div>
      <div className="min-w-0 space-y-5">
        <div>
          <p className="text-sm leading-6 text-ink-muted">
            Open an authenticator app (1Password, Google Authenticator, Authy, Microsoft Authenticator…) and
            scan the code. Can&apos;t scan? Enter this key instead:
          </p>
          <code
            data-testid="mfa-secret"
            className="mt-2 block rounded-xl bg-surface-2 px-3 py-2 font-mono text-sm break-all text-ink select-all"
          >
            {setup.secret}
          </code>
        </div>
        <form onSubmit={onSubmit} noValidate className="grid max-w-xs gap-4">
          <Field
            label="2. Enter the code the app shows"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={TOTP_DIGITS + 2}
            placeholder="123456"
            className="[&_input]:font-mono [&_input]:tracking-[0.3em]"
            error={errors.code?.message}
            {...form.register('code')}
          />
          {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? 'Checking…' : 'Turn on'}
            </Button>
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}

function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = `WatchTogether backup codes (each works once)\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'watchtogether-backup-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="space-y-4">
      <FormAlert tone="warning" title="Save your backup codes now">
        If you lose your phone, each of these codes signs you in once. This is the only time we show them.
      </FormAlert>
      <ol aria-label="Backup codes" className="grid max-w-md grid-cols-2 gap-2 font-mono text-sm text-ink">
        {codes.map((code) => (
          <li key={code} className="rounded-xl bg-surface-2 px-3 py-2 text-center">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy codes'}
        </Button>
        <Button variant="outline" onClick={download}>
          Download
        </Button>
        <Button onClick={onDone}>I saved my codes</Button>
      </div>
    </div>
  );
}

function DisableForm({ backupCodesLeft, onDisabled }: { backupCodesLeft: number; onDisabled: () => void }) {
  const { client } = useAuth();
  const form = useForm<MfaDisableInput, unknown, z.output<typeof mfaDisableInput>>({
    resolver: zodResolver(mfaDisableInput),
    defaultValues: { password: '', code: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await callApi(client.authFetch, '/api/auth/mfa/disable', { method: 'POST', body: values });
    if (!result.ok) return applyApiError(form, result.error, REAUTH_CODE_FIELDS);
    form.reset();
    onDisabled();
  });

  return (
    <div className="space-y-5">
      <p className="text-sm leading-6 text-ink-muted">
        {backupCodesLeft === 1 ? '1 backup code' : `${backupCodesLeft} backup codes`} left.
        {backupCodesLeft <= 3
          ? ' Running low: turn two-step verification off and on again to get a fresh set.'
          : null}
      </p>
      <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
        <p className="text-sm font-semibold text-ink">Turn off two-step verification</p>
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Field
          label="A code from your app, or a backup code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          className="[&_input]:font-mono"
          error={errors.code?.message}
          {...form.register('code')}
        />
        {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
        <div>
          <Button type="submit" variant="outline" disabled={isSubmitting}>
            {isSubmitting ? 'Turning off…' : 'Turn off'}
          </Button>
        </div>
      </form>
    </div>
  );
}
