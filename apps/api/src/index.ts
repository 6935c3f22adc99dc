/** Types only: client apps import the router type from here, never runtime code. */
export type { AppRouter } from './trpc/root';
