import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local stand-in for the Mux Video REST API (DESIGN section 2): the adapter under test uses the real
 * `@mux/mux-node` SDK pointed at it (MUX_BASE_URL). It speaks the direct-upload surface with HTTP Basic
 * auth (token id : token secret), Mux's `{ data }` envelope and its `{ error: { type, messages } }` errors.
 */

export interface RecordedMuxRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeMux {
  baseUrl: string;
  tokenId: string;
  tokenSecret: string;
  requests: RecordedMuxRequest[];
  /** Upload ids handed out, in order. */
  uploads: string[];
  /** Answers the next request with this status and a Mux error body. */
  failNext(status: number, message: string): void;
  close(): Promise<void>;
}

export async function startFakeMux(tokenId = 'mux-token-id-test', tokenSecret = 'mux-token-secret-test-0123456789'): Promise<FakeMux> {
  const requests: RecordedMuxRequest[] = [];
  const uploads: string[] = [];
  let forced: { status: number; message: string } | null = null;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return reply(res, 400, { error: { type: 'invalid_parameters', messages: ['The body is not valid JSON.'] } });
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });

      const expected = `Basic ${Buffer.from(`${tokenId}:${tokenSecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        return reply(res, 401, { error: { type: 'unauthorized', messages: ['Unauthorized request'] } });
      }
      if (forced) {
        const { status, message } = forced;
        forced = null;
        return reply(res, status, { error: { type: status >= 500 ? 'internal_error' : 'invalid_parameters', messages: [message] } });
      }
      if (req.method === 'POST' && req.url === '/video/v1/uploads') {
        if (typeof body.cors_origin !== 'string') {
          return reply(res, 400, { error: { type: 'invalid_parameters', messages: ['cors_origin is required'] } });
        }
        const id = randomBytes(16).toString('base64url');
        uploads.push(id);
        return reply(res, 201, {
          data: {
            id,
            url: `https://storage.googleapis.com/video-storage-gcp-us-east1-vop1-uploads/${id}?Expires=1700000000&Signature=abc`,
            status: 'waiting',
            timeout: 3600,
            cors_origin: body.cors_origin,
            new_asset_settings: body.new_asset_settings,
          },
        });
      }
      return reply(res, 404, { error: { type: 'not_found', messages: ['The requested resource was not found.'] } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    tokenId,
    tokenSecret,
    requests,
    uploads,
    failNext(status, message) {
      forced = { status, message };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function reply(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A `mux-signature` header as Mux documents it: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * under the webhook secret. The SDK verifies signatures but has no helper to make one.
 */
export function signMuxWebhook(body: string, secret: string, timestampS = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex');
  return `t=${timestampS},v1=${signature}`;
}

/** An RSA signing key as Mux hands it out: the key id and the base64 of a PKCS#1 PEM. */
export function muxSigningKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return {
    keyId: `signing-key-${randomBytes(4).toString('hex')}`,
    privateKeyBase64: Buffer.from(pem).toString('base64'),
    publicKey,
  };
}

/** A webhook delivery shaped as Mux sends it (id, type, created_at, object, environment, data). */
export function muxEvent(type: string, data: Record<string, unknown>, id = `evt-${randomBytes(8).toString('hex')}`) {
  return {
    id,
    type,
    created_at: new Date().toISOString(),
    object: { type: type.split('.')[1] ?? 'asset', id: String(data.id ?? '') },
    environment: { id: 'env-test', name: 'Development' },
    attempts: [],
    data,
  };
}
