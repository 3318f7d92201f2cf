import { userInfo } from 'node:os';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CommanderError, InvalidArgumentError } from 'commander';
import type { TSchema } from 'typebox';
import { ConfigError, loadConfig } from '../config/config.ts';
import { type Container, createContainer } from '../container.ts';
import { isAppError, validationError } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { type Principal, systemPrincipal } from '../shared/principal.ts';

/** Exit codes: 0 done, 1 an unexpected failure (or a failed check such as `audit verify`), 2 refused input. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliContext {
  container: Container;
  actor: Principal;
}

function osUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    // Containers may run as a uid with no passwd entry.
    return 'unknown';
  }
}

/** The CLI holds the database directly, so it acts as the operator, named after the OS account in the audit log. */
export const cliActor = (): Principal => systemPrincipal(`cli:${osUserName()}`);

/** Loads the config, opens and prepares the container, runs `fn` and always closes the database again. */
export async function withContainer<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const container = await createContainer(loadConfig());
  try {
    await container.prepare();
    return await fn({ container, actor: cliActor() });
  } finally {
    await container.close();
  }
}

/** Writes the one-line message for `error` to stderr and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already written its message (through configureOutput) or the help text.
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`threatshare: invalid configuration: ${error.problems.join('; ')}\n`);
    return EXIT_USAGE;
  }
  if (isAppError(error)) {
    const details = error.errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ');
    process.stderr.write(`threatshare: ${error.message}${details ? ` (${details})` : ''}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`threatshare: unexpected error: ${message.split('\n')[0]}\n`);
  return EXIT_FAILED;
}

// Option parsers: a bad value becomes commander's one-line usage error (exit 2).

export function parseInteger(min: number, max: number) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number');
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`must be between ${min} and ${max}`);
    return n;
  };
}

export function parseUuid(value: string): string {
  if (!isUuid(value)) throw new InvalidArgumentError('must be a UUID');
  return value.toLowerCase();
}

/** `--scopes read,write`: a comma-separated subset of `allowed`, without repeats. */
export function parseList<T extends string>(allowed: readonly T[]) {
  return (value: string): T[] => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = items.filter((s) => !allowed.includes(s as T));
    if (items.length === 0) throw new InvalidArgumentError(`expected one or more of ${allowed.join(', ')}`);
    if (unknown.length > 0) {
      throw new InvalidArgumentError(`unknown ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
    }
    return [...new Set(items)] as T[];
  };
}

/** Repeatable options (`--contact A --contact B`) collect into an array. */
export const collect =
  <T>(parse: (value: string) => T) =>
  (value: string, previous: T[] | undefined): T[] => [...(previous ?? []), parse(value)];

// The service input is checked against the same JSON Schema the HTTP API uses, so both refuse the same things.
const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: false, strict: false });
addFormats.default(ajv);
const validators = new WeakMap<TSchema, ValidateFunction>();

export function checkInput<T>(schema: TSchema, value: Record<string, unknown>): T {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema as object);
    validators.set(schema, validate);
  }
  const input = structuredClone(value);
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  if (!validate(input)) {
    // One problem per field: the first is the specific one; a nullable field's anyOf adds only noise after it.
    const byPointer = new Map<string, string>();
    for (const e of validate.errors ?? []) {
      const pointer = e.instancePath || '/';
      if (!byPointer.has(pointer)) byPointer.set(pointer, e.message ?? 'is invalid');
    }
    const errors = [...byPointer].map(([pointer, detail]) => ({ pointer, detail }));
    throw validationError('cli.invalid_input', 'invalid input', errors);
  }
  return input as T;
}

/** Reads all of standard input (for `--password-stdin`), without the final line break. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
