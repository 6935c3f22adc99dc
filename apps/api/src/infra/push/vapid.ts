import { sql } from 'drizzle-orm';
import type { Database } from '@wt/db';
import webpush from 'web-push';
import type { VapidKeys } from './types';

export interface VapidEnv {
  VAPID_PUBLIC_KEY?: string | undefined;
  VAPID_PRIVATE_KEY?: string | undefined;
  VAPID_SUBJECT?: string | undefined;
  MAIL_FROM: string;
  PUBLIC_WEB_URL?: string | undefined;
}

/**
 * The VAPID key pair: from the environment when both keys are set, else made once and kept in
 * app_secrets ('vapid'). Every instance races the same INSERT ... ON CONFLICT DO NOTHING and reads
 * the row back, so all of them (and every restart) sign with one pair and subscriptions stay valid.
 */
export async function loadVapidKeys(db: Database, env: VapidEnv): Promise<VapidKeys> {
  const subject = vapidSubject(env);
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  }
  const fresh = webpush.generateVAPIDKeys();
  await db.execute(sql`
    INSERT INTO app_secrets (name, value) VALUES ('vapid', ${JSON.stringify(fresh)}::jsonb)
    ON CONFLICT (name) DO NOTHING`);
  const { rows } = await db.execute<{ value: { publicKey: string; privateKey: string } }>(
    sql`SELECT value FROM app_secrets WHERE name = 'vapid'`,
  );
  const stored = rows[0]!.value;
  return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject };
}

/** VAPID_SUBJECT, else the public https site, else the sender address of MAIL_FROM. */
export function vapidSubject(env: VapidEnv): string {
  if (env.VAPID_SUBJECT) return env.VAPID_SUBJECT;
  if (env.PUBLIC_WEB_URL?.startsWith('https://')) return env.PUBLIC_WEB_URL;
  const address = /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM;
  return `mailto:${address.trim()}`;
}
