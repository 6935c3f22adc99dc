import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Configuration of the db CLIs (migrate, seed), validated once. */
const schema = z.object({
  /** A PostgreSQL server to use; when unset, the embedded server is started as the API does. */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
});

export const env = schema.parse(process.env);

/** Repository root (packages/db/src/cli -> ../../../..), where the API keeps `.data/`. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
