import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { API, type ApiError } from '../shared/sync/protocol';
import { registerAuthenticate } from './auth/authenticate';
import { registerAuthRoutes } from './auth/routes';
import type { ServerConfig } from './config';
import { registerAdminRoutes } from './http/admin';
import { registerImportRoutes } from './http/adminImport';
import { trackRoutes } from './http/apiInventory';
import { registerDataRightsRoutes } from './http/dataRights';
import { registerPharmacovigilanceRoutes } from './http/pharmacovigilance';
import { registerUpdateFiles } from './http/updates';
import type { ServerDeps } from './http/context';
import { HttpError } from './http/errors';
import { CORS_PREFLIGHT_HEADERS, SECURITY_HEADERS, corsHeaders } from './http/headers';
import { DEFAULT_USER_LIMITS, createUserLimiter } from './http/userLimits';
import { EventStreams } from './sync/stream';
import { registerSyncRoutes } from './sync/routes';

export type AppConfig = Pick<ServerConfig, 'accessTokenTtlSeconds' | 'refreshTokenTtlDays' | 'logLevel' | 'loginAttemptsPerMinute' | 'bodyLimitBytes' | 'corsOrigins'> & Partial<Pick<ServerConfig, 'trustProxy' | 'updatesDir'>> & {
  /** Keep-alive comment interval of the event stream (default 15 s). */
  streamKeepAliveMs?: number;
} & Partial<Pick<ServerConfig, 'userRequestsPerMinute' | 'userPushesPerMinute'>>;

export interface AppDeps extends ServerDeps {
  secret: string;
  config: AppConfig;
}

/** TRUST_PROXY=<n>: believe the nearest n proxies (Fastify's types take the hop count as a function). */
const hopsTrusted = (hops: number) => (_address: string, hop: number): boolean => hop < hops;

/** How long /ready waits for the database before answering 503. */
const READY_TIMEOUT_MS = 3000;

/** Log fields that may never be written out (tokens, passwords, cookies), wherever they appear. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie',
  '*.password', '*.newPassword', '*.accessToken', '*.refreshToken', '*.token', 'password', 'accessToken', 'refreshToken', 'token',
] as const;

/** Maps any error to the API's `{code, message}` answer; internals never leave the server. */
function toApiError(error: FastifyError | HttpError | Error): { status: number; body: ApiError } {
  if (error instanceof HttpError) return { status: error.status, body: { code: error.code, message: error.message } };
  const e = error as FastifyError;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { code: 'payload_too_large', message: 'Request body too large' } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { code: 'invalid_json', message: 'Request body is not valid JSON' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { code: 'bad_request', message: 'Send JSON with Content-Type: application/json' } };
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 429) return { status, body: { code: 'rate_limited', message: 'Too many requests; try again later' } };
  if (status >= 400 && status < 500) return { status, body: { code: 'bad_request', message: e.message || 'Bad request' } };
  return { status: 500, body: { code: 'internal', message: 'Internal server error' } };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Requests are logged without headers or bodies; these paths catch a secret that a log call passes by mistake.
      redact: { paths: [...LOG_REDACT_PATHS], censor: '[redacted]' },
    },
    // A proxy's X-Request-Id (nginx: $request_id) is kept so its log lines and ours match; else a fresh UUID.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: typeof config.trustProxy === 'number' ? hopsTrusted(config.trustProxy) : (config.trustProxy ?? false),
    bodyLimit: config.bodyLimitBytes,
    // Requests whose JSON holds __proto__/constructor.prototype are refused, not merged in.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  });

  trackRoutes(app);
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const { status, body } = toApiError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, code: body.code, reason: body.message }, 'request refused');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` };
    return reply.code(404).send(body);
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers({ ...SECURITY_HEADERS, ...corsHeaders(request.headers.origin, config.corsOrigins), 'x-request-id': request.id });
  });
  app.options('*', async (request, reply) => {
    return reply.code(204).headers(corsHeaders(request.headers.origin, config.corsOrigins)).headers(CORS_PREFLIGHT_HEADERS).send();
  });

  await app.register(rateLimit, { global: false });
  registerAuthenticate(app, deps, createUserLimiter(app, {
    requestsPerMinute: config.userRequestsPerMinute ?? DEFAULT_USER_LIMITS.requestsPerMinute,
    pushesPerMinute: config.userPushesPerMinute ?? DEFAULT_USER_LIMITS.pushesPerMinute,
  }));

  const streams = new EventStreams(deps, { keepAliveMs: config.streamKeepAliveMs ?? 15_000, corsOrigins: config.corsOrigins });
  // Open event streams would hold app.close() forever: end them first.
  app.addHook('preClose', async () => streams.closeAll());

  app.get(API.health, async () => ({ status: 'ok' }));
  app.get(API.ready, async (request, reply) => {
    try {
      // A database that does not answer (host gone, network blackholed) must fail the probe, not hang it.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      });
      await Promise.race([deps.store.maxSeq(), timeout]).finally(() => clearTimeout(timer));
      return { status: 'ready', store: deps.store.kind };
    } catch (error) {
      request.log.error({ err: error }, 'store not reachable');
      const body: ApiError = { code: 'internal', message: 'Store not reachable' };
      return reply.code(503).send(body);
    }
  });

  registerAuthRoutes(app, deps, {
    secret: deps.secret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    loginAttemptsPerMinute: config.loginAttemptsPerMinute,
  });
  registerSyncRoutes(app, deps, streams);
  registerAdminRoutes(app, deps, streams);
  registerImportRoutes(app, deps);
  registerPharmacovigilanceRoutes(app, deps);
  registerDataRightsRoutes(app, deps);
  if (config.updatesDir) await registerUpdateFiles(app, config.updatesDir);

  return app;
}
