import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/*
 * Local stand-ins for the mail providers that speak their real protocols (DESIGN section 2): an HTTP
 * server with Resend's REST surface, and a real SMTP server. The adapters under test use the real
 * SDK / nodemailer against them.
 */

export interface RecordedResendRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeResend {
  baseUrl: string;
  apiKey: string;
  requests: RecordedResendRequest[];
  /** Answers the next POST /emails with this status and Resend error body instead of accepting it. */
  failNext(status: number, name: string, message: string): void;
  close(): Promise<void>;
}

/**
 * POST /emails with `Authorization: Bearer <apiKey>` → 200 `{ id }`; a wrong key → 403
 * invalid_api_key, a missing one → 401 missing_api_key, no `from`/`to`/`subject` → 422
 * validation_error, all with Resend's error body `{ statusCode, name, message }`.
 */
export async function startFakeResend(apiKey = 're_test_0123456789abcdef'): Promise<FakeResend> {
  const requests: RecordedResendRequest[] = [];
  let forced: { status: number; name: string; message: string } | null = null;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return reply(res, 400, {
          statusCode: 400,
          name: 'invalid_request',
          message: 'The body is not valid JSON.',
        });
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });

      if (req.method !== 'POST' || req.url !== '/emails') {
        return reply(res, 404, {
          statusCode: 404,
          name: 'not_found',
          message: 'The requested endpoint does not exist.',
        });
      }
      const auth = req.headers.authorization;
      if (!auth) {
        return reply(res, 401, {
          statusCode: 401,
          name: 'missing_api_key',
          message:
            'Missing API key in the authorization header. Include the following header Authorization: Bearer YOUR_API_KEY in the request.',
        });
      }
      if (auth !== `Bearer ${apiKey}`) {
        return reply(res, 403, { statusCode: 403, name: 'invalid_api_key', message: 'API key is invalid' });
      }
      if (forced) {
        const { status, name, message } = forced;
        forced = null;
        return reply(res, status, { statusCode: status, name, message });
      }
      for (const field of ['from', 'to', 'subject']) {
        if (!body[field]) {
          return reply(res, 422, {
            statusCode: 422,
            name: 'missing_required_field',
            message: `The \`${field}\` field is missing.`,
          });
        }
      }
      return reply(res, 200, { id: randomUUID() });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    failNext(status, name, message) {
      forced = { status, name, message };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The authenticated SMTP user, if the client logged in. */
  user: string | null;
  raw: string;
  parsed: Email;
}

export interface SmtpCatcher {
  port: number;
  /** smtp://user:pass@127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a free port that requires AUTH with the given credentials and
 * keeps every message it accepts; recipients in `rejectRecipients` get a permanent 550.
 */
export async function startSmtpCatcher(
  options: { user?: string; pass?: string; rejectRecipients?: string[] } = {},
): Promise<SmtpCatcher> {
  const user = options.user ?? 'mailer';
  const pass = options.pass ?? 'smtp-secret-p4ss';
  const rejected = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));
  const received: ReceivedMail[] = [];

  const server = new SMTPServer({
    // Plain TCP on loopback: no certificate to make, so STARTTLS is off and AUTH allowed without it.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user: auth.username });
      const err = Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 });
      return callback(err);
    },
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        PostalMime.parse(raw)
          .then((parsed) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              user: typeof session.user === 'string' ? session.user : null,
              raw: raw.toString('utf8'),
              parsed,
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
