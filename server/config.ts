import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Server configuration, read once from the environment at start-up. Every value is checked
 * here so that a typo fails the start with a clear message instead of misbehaving later.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  host: string;
  port: number;
  /** Absolute path of the data folder (SQLite file, generated secret). */
  dataDir: string;
  databaseUrl: string | undefined;
  accessTokenTtlSeconds: number;
  /** Sliding: every refresh extends the session by this much. */
  refreshTokenTtlDays: number;
  logLevel: LogLevel;
  /** Login attempts allowed per IP + user name per minute. */
  loginAttemptsPerMinute: number;
  /** Largest accepted request body. */
  bodyLimitBytes: number;
  /** Authenticated requests allowed per user per minute (per server process). */
  userRequestsPerMinute: number;
  /** Pushes allowed per user per minute, on top (per server process). */
  userPushesPerMinute: number;
  /** Origins allowed to call the API from a browser ('*' = any; tokens are bearer, never cookies). */
  corsOrigins: readonly string[];
  /** Which X-Forwarded-* senders to believe (Fastify's trustProxy): false, true, a hop count, or addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  /** Folder whose files are served under /updates/ (desktop auto-update); undefined: not served. */
  updatesDir: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid server configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name}=${JSON.stringify(raw)} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return Number(raw);
}

/** Reads and checks the configuration (without touching the disk). */
export function readConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const host = env.HOST?.trim() || '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) problems.push(`HOST=${JSON.stringify(host)} is not a host name or address`);
  const port = intVar(env, 'PORT', 8787, 0, 65535, problems);
  const dataDir = resolve(cwd, env.DATA_DIR?.trim() || './.data');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const accessTokenTtlSeconds = intVar(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400, problems);
  const refreshTokenTtlDays = intVar(env, 'REFRESH_TOKEN_TTL_DAYS', 180, 1, 3650, problems);
  const loginAttemptsPerMinute = intVar(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 5, 1, 10_000, problems);
  const bodyLimitBytes = intVar(env, 'BODY_LIMIT_BYTES', 8 * 1024 * 1024, 1024, 256 * 1024 * 1024, problems);
  const userRequestsPerMinute = intVar(env, 'USER_REQUESTS_PER_MINUTE', 1200, 10, 1_000_000, problems);
  const userPushesPerMinute = intVar(env, 'USER_PUSHES_PER_MINUTE', 600, 10, 1_000_000, problems);
  const logLevelRaw = env.LOG_LEVEL?.trim() || 'info';
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as LogLevel) : 'info';
  if (logLevel !== logLevelRaw) problems.push(`LOG_LEVEL=${JSON.stringify(logLevelRaw)} must be one of ${LOG_LEVELS.join(', ')}`);
  const corsOrigins = (env.CORS_ORIGINS?.trim() || '*').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin)) problems.push(`CORS_ORIGINS entry ${JSON.stringify(origin)} must be "*" or an origin like https://crm.example.com`);
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  const updatesDir = env.FIELDBOOK_UPDATES_DIR?.trim() ? resolve(cwd, env.FIELDBOOK_UPDATES_DIR.trim()) : undefined;
  const secret = env.FIELDBOOK_SECRET;
  if (secret !== undefined && secret !== '' && secret.length < 32) problems.push('FIELDBOOK_SECRET must be at least 32 characters (or unset: one is generated into the data folder)');
  if (problems.length > 0) throw new ConfigError(problems);
  return { host, port, dataDir, databaseUrl, accessTokenTtlSeconds, refreshTokenTtlDays, logLevel, loginAttemptsPerMinute, bodyLimitBytes, userRequestsPerMinute, userPushesPerMinute, corsOrigins, trustProxy, updatesDir };
}

/**
 * TRUST_PROXY: unset/false (the server faces clients directly), true (every hop: only when nothing
 * but the proxy can reach the server), a hop count (1 = one reverse proxy in front), or a comma list
 * of proxy addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8). Client addresses feed the login rate limit.
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): boolean | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const isAddress = (entry: string): boolean => /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(entry) && /[.:]/.test(entry);
  if (list.length > 0 && list.every(isAddress)) return list;
  problems.push(`TRUST_PROXY=${JSON.stringify(value)} must be false, true, a hop count up to 10, or a comma list of addresses/CIDRs`);
  return false;
}

/**
 * The token-signing secret: FIELDBOOK_SECRET, or one generated once into
 * <dataDir>/secret.key (mode 0600) and reused on every start, so tokens survive restarts.
 */
export function loadSecret(config: Pick<ServerConfig, 'dataDir'>, env: Env = process.env): string {
  const fromEnv = env.FIELDBOOK_SECRET;
  if (fromEnv) return fromEnv;
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = join(config.dataDir, 'secret.key');
  try {
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigError([`${file} holds a secret shorter than 32 characters; delete it to generate a new one`]);
  return secret;
}
