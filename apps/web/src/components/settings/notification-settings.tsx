'use client';

import { DEFAULT_NOTIFICATION_PREFERENCES } from '@wt/schemas';
import { Button, Pill } from '@wt/ui';
import { useEffect, useState } from 'react';
import { useAuth } from '@/auth/auth-provider';
import { currentPushState, disablePush, enablePush, type PushApi, type PushState } from '@/notifications/browser-push';
import {
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_TYPE_LABELS,
  PREFERENCE_COLUMNS,
  PREFERENCE_ROWS,
  samePreferences,
  withChannel,
} from '@/notifications/preferences';
import { PUSH_MESSAGES } from '@/notifications/push';
import { useSettingsPart } from '@/settings/use-settings-part';
import { useTRPCClient } from '@/trpc/react';
import { FormAlert } from '../forms/form-alert';
import { SettingsLoading, SettingsSection } from './settings-section';

/** Settings > Notifications: which types reach you where, and push in this browser. */
export function NotificationSettings() {
  const { status } = useAuth();
  if (status !== 'signed-in') return null;
  return (
    <SettingsSection
      id="notifications"
      title="Notifications"
      description="Choose how each kind of notification reaches you. Push needs this browser's permission; email goes to your verified address."
    >
      <div className="grid gap-8">
        <PreferenceTable />
        <BrowserPush />
      </div>
    </SettingsSection>
  );
}

function PreferenceTable() {
  const part = useSettingsPart('notifications', { saved: 'Your notification choices are saved.' });
  if (part.status === 'loading') return <SettingsLoading />;
  if (part.status === 'error') return <FormAlert>Your notification settings could not be loaded. Please try again in a moment.</FormAlert>;
  const { saved, notice } = part;
  const current = part.current ?? DEFAULT_NOTIFICATION_PREFERENCES;
  const changed = saved ? !samePreferences(current, saved) : false;

  return (
    <form
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        part.save(current);
      }}
    >
      <div className="overflow-x-auto">
        <table className="w-full min-w-[28rem] text-left text-sm">
          <caption className="sr-only">Notification channels per kind of notification</caption>
          <thead>
            <tr className="border-b border-line text-ink-muted">
              <th scope="col" className="py-2 pr-4 font-medium">
                Notification
              </th>
              {PREFERENCE_COLUMNS.map((channel) => (
                <th key={channel} scope="col" className="px-3 py-2 text-center font-medium">
                  {NOTIFICATION_CHANNEL_LABELS[channel]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PREFERENCE_ROWS.map((type) => (
              <tr key={type} className="border-b border-line/60 last:border-0">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <span className="block font-medium text-ink">{NOTIFICATION_TYPE_LABELS[type].label}</span>
                  <span className="block text-xs text-ink-muted">{NOTIFICATION_TYPE_LABELS[type].hint}</span>
                </th>
                {PREFERENCE_COLUMNS.map((channel) => (
                  <td key={channel} className="px-3 py-3 text-center">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-600"
                      aria-label={`${NOTIFICATION_TYPE_LABELS[type].label}: ${NOTIFICATION_CHANNEL_LABELS[channel]}`}
                      checked={current[type][channel]}
                      onChange={(e) => part.edit(withChannel(current, type, channel, e.target.checked))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={!changed || part.saving}>
          {part.saving ? 'Saving…' : 'Save notification choices'}
        </Button>
        {changed ? (
          <Button type="button" variant="ghost" onClick={() => part.edit(null)}>
            Undo changes
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function BrowserPush() {
  const client = useTRPCClient();
  const [state, setState] = useState<PushState>({ status: 'checking' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void currentPushState().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);

  const api: PushApi = {
    vapidPublicKey: async () => (await client.notifications.vapidPublicKey.query()).publicKey,
    subscribe: (input) => client.notifications.subscribePush.mutate(input),
    unsubscribe: (endpoint) => client.notifications.unsubscribePush.mutate({ endpoint }),
  };
  const run = async (action: (api: PushApi) => Promise<PushState>) => {
    setBusy(true);
    setState(await action(api));
    setBusy(false);
  };

  return (
    <section aria-labelledby="browser-push-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="browser-push-heading" className="text-sm font-semibold text-ink">
          Push in this browser
        </h3>
        {state.status === 'on' ? <Pill tone="success">On</Pill> : null}
      </div>
      <p className="max-w-2xl text-sm text-ink-muted">
        Push notifications reach this device even when WatchTogether is closed, for the kinds ticked under Push above.
      </p>
      {state.status === 'unsupported' ? (
        <FormAlert tone="warning">{state.message}</FormAlert>
      ) : state.status === 'off' && state.message ? (
        <FormAlert tone={state.message === PUSH_MESSAGES.disabled ? 'info' : 'warning'}>{state.message}</FormAlert>
      ) : state.status === 'on' ? (
        <FormAlert tone="success">{PUSH_MESSAGES.enabled}</FormAlert>
      ) : null}
      <div>
        {state.status === 'on' ? (
          <Button variant="secondary" disabled={busy} onClick={() => void run(disablePush)}>
            {busy ? 'Turning off…' : 'Turn off push in this browser'}
          </Button>
        ) : state.status === 'off' ? (
          <Button disabled={busy} onClick={() => void run(enablePush)}>
            {busy ? 'Asking your browser…' : 'Enable push notifications in this browser'}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
