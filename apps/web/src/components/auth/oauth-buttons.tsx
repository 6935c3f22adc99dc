'use client';

import { buttonClasses } from '@wt/ui';
import { useOAuthProviders } from '@/auth/queries';
import { OAUTH_PROVIDER_LABELS, oauthStartUrl } from '@/auth/responses';

/**
 * "Continue with Google / Discord / Apple", only for providers this server has configured. Plain links:
 * the API redirects to the provider and, coming back, sets the session cookie and sends the browser to
 * `returnTo`, where the session is restored like on any page load.
 */
export function OAuthButtons({ returnTo }: { returnTo: string }) {
  const providers = useOAuthProviders();
  if (providers.length === 0) return null;
  return (
    <div className="mb-6">
      <ul className="grid gap-2">
        {providers.map((provider) => (
          <li key={provider}>
            <a
              href={oauthStartUrl(provider, returnTo)}
              className={buttonClasses({ variant: 'outline', className: 'w-full' })}
            >
              Continue with {OAUTH_PROVIDER_LABELS[provider]}
            </a>
          </li>
        ))}
      </ul>
      <div className="mt-6 flex items-center gap-3 text-xs font-medium tracking-wide text-ink-muted uppercase">
        <span className="h-px flex-1 bg-line" aria-hidden="true" />
        or
        <span className="h-px flex-1 bg-line" aria-hidden="true" />
      </div>
    </div>
  );
}
