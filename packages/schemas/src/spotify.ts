import { z } from 'zod';

/** Spotify connect: playback tokens for the Web Playback SDK, never a way to sign in. */

/** GET /api/spotify/status */
export const spotifyStatusSchema = z.object({ configured: z.boolean(), connected: z.boolean() });
export type SpotifyStatus = z.infer<typeof spotifyStatusSchema>;

/** POST /api/spotify/connect: where to come back to afterwards (a path on the web app). */
export const spotifyConnectInput = z.object({ returnTo: z.string().max(500).optional() });

/** 200 of POST /api/spotify/connect: the Spotify consent page to open. */
export const spotifyConnectResponseSchema = z.object({ url: z.string().url() });

/** 200 of GET /api/spotify/token: a short-lived access token with the `streaming` scope. */
export const spotifyTokenSchema = z.object({ accessToken: z.string(), expiresAt: z.string() });
export type SpotifyToken = z.infer<typeof spotifyTokenSchema>;
