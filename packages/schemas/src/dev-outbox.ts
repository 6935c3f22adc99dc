import { z } from 'zod';
import { emailSchema } from './auth';

/*
 * The dev outbox (GET /api/dev/outbox): mail the API would have sent, kept in the database when no
 * provider is configured. Development only; the API answers 404 in production.
 */

export const DEV_OUTBOX_LIMIT_MAX = 100;

export const devOutboxQuery = z.object({
  // `?to=` with nothing after it means "everyone", as a cleared filter field sends it.
  to: z.preprocess((v) => (v === '' ? undefined : v), emailSchema.optional()),
  limit: z.coerce
    .number({ message: 'Give the number of messages as a whole number.' })
    .int({ message: 'Give the number of messages as a whole number.' })
    .min(1, { message: `Ask for between 1 and ${DEV_OUTBOX_LIMIT_MAX} messages.` })
    .max(DEV_OUTBOX_LIMIT_MAX, { message: `Ask for between 1 and ${DEV_OUTBOX_LIMIT_MAX} messages.` })
    .default(20),
});
export type DevOutboxQuery = z.input<typeof devOutboxQuery>;

export const devOutboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  /** ISO 8601 */
  createdAt: z.string(),
});
export type DevOutboxMessage = z.infer<typeof devOutboxMessageSchema>;

/** Newest first. */
export const devOutboxResponse = z.object({ messages: z.array(devOutboxMessageSchema) });
export type DevOutboxResponse = z.infer<typeof devOutboxResponse>;
