import 'server-only';
import { cache } from 'react';
import { env } from '@/env';
import { fetchPublicProfile } from './fetch-profile';

/** One API call per request for the page and its metadata (React's cache() is request-scoped). */
export const loadPublicProfile = cache((username: string) => fetchPublicProfile(fetch, env.API_ORIGIN, username));
