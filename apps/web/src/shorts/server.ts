import 'server-only';
import { cache } from 'react';
import { env } from '@/env';
import { fetchAnonymousWatch, fetchCreator, fetchSeries, fetchShortsHome } from './fetch-shorts';

/** One API call per request for a page and its metadata (React's cache() is request-scoped). */
export const loadSeries = cache((slug: string) => fetchSeries(fetch, env.API_ORIGIN, slug));
export const loadCreator = cache((slug: string) => fetchCreator(fetch, env.API_ORIGIN, slug));
export const loadShortsHome = cache(() => fetchShortsHome(fetch, env.API_ORIGIN));
export const loadAnonymousWatch = cache((episodeId: string) => fetchAnonymousWatch(fetch, env.API_ORIGIN, episodeId));
