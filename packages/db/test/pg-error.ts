/** The PostgreSQL error behind a failed statement (drizzle wraps it in DrizzleQueryError.cause). */
export interface PgError {
  code?: string;
  constraint?: string;
  message: string;
}

function isPgError(value: unknown): value is PgError {
  return (
    typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
  );
}

/** Awaits a statement that must fail and returns PostgreSQL's error; fails the test if it succeeds. */
export async function pgErrorOf(statement: Promise<unknown>): Promise<PgError> {
  try {
    await statement;
  } catch (err) {
    let current: unknown = err;
    while (current && !isPgError(current)) current = (current as { cause?: unknown }).cause;
    if (isPgError(current)) return current;
    throw err;
  }
  throw new Error('Expected the statement to fail, but it succeeded');
}
