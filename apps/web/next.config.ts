import type { NextConfig } from 'next';
import { env } from './src/env';

/**
 * The browser talks to one origin: tRPC, Socket.io, REST and the health check are forwarded to the
 * API, so cookies stay first-party and no CORS is involved.
 *
 * Rewrites are written into the build (routes manifest): API_ORIGIN / API_PORT must be set when
 * `next build` runs, not only at `next start`.
 */
const api = env.API_ORIGIN;

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@wt/ui', '@wt/schemas', '@wt/sync'],
  // Engine.io serves `/socket.io/?EIO=4&transport=polling`: the trailing slash must survive.
  skipTrailingSlashRedirect: true,
  async rewrites() {
    return [
      { source: '/trpc/:path*', destination: `${api}/trpc/:path*` },
      { source: '/socket.io/', destination: `${api}/socket.io/` },
      { source: '/socket.io/:path*', destination: `${api}/socket.io/:path*` },
      { source: '/api/:path*', destination: `${api}/api/:path*` },
      { source: '/health', destination: `${api}/health` },
    ];
  },
};

export default nextConfig;
