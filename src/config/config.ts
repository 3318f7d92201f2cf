import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { type Static, Type } from 'typebox';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting, as the environment spells it. The config file uses the same names. */
export const ConfigSchema = Type.Object(
  {
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
    HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
    DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
    DATA_DIR: Type.String({ minLength: 1, default: './data' }),
    PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
    LOG_LEVEL: Type.Unsafe<(typeof logLevels)[number]>({ type: 'string', enum: [...logLevels], default: 'info' }),
    SIGNING_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
    MASTER_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
    OPERATOR_NAME: Type.String({ minLength: 1, maxLength: 200, default: 'Operator' }),
    ADMIN_EMAIL: Type.String({ format: 'email', default: 'admin@threatshare.local' }),
    SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 12 }),
    BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 104857600, default: 1048576 }),
    SIGN_IN_MAX_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 10000, default: 10 }),
    TRUST_PROXY: Type.Boolean({ default: false }),
    REGIMES_FILE: Type.Optional(Type.String({ minLength: 1, description: 'JSON file of extra reporting regimes' })),
    VIOLATION_RULES_FILE: Type.Optional(
      Type.String({ minLength: 1, description: 'JSON file of violation rules, replacing the built-in ones' }),
    ),
    SANCTIONS_FOUR_EYES: Type.Boolean({
      default: false,
      description: 'a second operator manager approves each sanction decision; no one decides what they proposed',
    }),
    SMTP_URL: Type.Optional(
      Type.String({ pattern: '^smtps?://[^\\s]+$', description: 'SMTP server for e-mail notifications; unset: none' }),
    ),
    SMTP_FROM: Type.String({ minLength: 1, maxLength: 320, default: 'threatshare <noreply@localhost>' }),
  },
  { additionalProperties: false },
);

type RawConfig = Static<typeof ConfigSchema>;

export interface Config extends RawConfig {
  DATA_DIR: string;
  PUBLIC_URL: string;
  SIGNING_KEY_FILE: string;
  MASTER_KEY_FILE: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const keys = Object.keys(ConfigSchema.properties);
const ajv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, strict: false });
ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
const validate = ajv.compile<RawConfig>(ConfigSchema);

function readConfigFile(file: string, problems: string[]): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      problems.push(`THREATSHARE_CONFIG: ${file} must hold a JSON object`);
      return {};
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    problems.push(`THREATSHARE_CONFIG: cannot read ${file}: ${(error as Error).message}`);
    return {};
  }
}

/**
 * The only reader of process.env. Settings come from an optional JSON file named by
 * THREATSHARE_CONFIG, then from the environment, which wins. Every problem is listed at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<RawConfig> = {}): Config {
  const problems: string[] = [];
  const fromFile = env.THREATSHARE_CONFIG ? readConfigFile(env.THREATSHARE_CONFIG, problems) : {};
  const fromEnv = Object.fromEntries(keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const raw: Record<string, unknown> = { ...fromFile, ...fromEnv, ...overrides };
  if (!validate(raw)) {
    for (const e of validate.errors ?? []) {
      const name = e.instancePath.slice(1) || (e.params as { additionalProperty?: string }).additionalProperty;
      const allowed = (e.params as { allowedValues?: string[] }).allowedValues;
      const message = e.keyword === 'additionalProperties' ? 'unknown setting' : e.message;
      problems.push(`${name ?? 'config'}: ${message}${allowed ? ` (${allowed.join(', ')})` : ''}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(raw.DATA_DIR as string);
  const host = raw.HOST as string;
  const hostForUrl = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    ...(raw as RawConfig),
    DATA_DIR: dataDir,
    PUBLIC_URL: ((raw.PUBLIC_URL as string | undefined) ?? `http://${hostForUrl}:${raw.PORT}`).replace(/\/+$/, ''),
    SIGNING_KEY_FILE: path.resolve(
      (raw.SIGNING_KEY_FILE as string | undefined) ?? path.join(dataDir, 'keys', 'signing-key.pem'),
    ),
    MASTER_KEY_FILE: path.resolve(
      (raw.MASTER_KEY_FILE as string | undefined) ?? path.join(dataDir, 'keys', 'master.key'),
    ),
    REGIMES_FILE: raw.REGIMES_FILE ? path.resolve(raw.REGIMES_FILE as string) : undefined,
    VIOLATION_RULES_FILE: raw.VIOLATION_RULES_FILE ? path.resolve(raw.VIOLATION_RULES_FILE as string) : undefined,
  };
}
