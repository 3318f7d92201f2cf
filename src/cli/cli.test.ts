import { CommanderError, InvalidArgumentError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../config/config.ts';
import { notFound, validationError } from '../shared/errors.ts';
import { parseInteger, parseList, parseUuid, reportError } from './context.ts';
import { printTable } from './output.ts';

afterEach(() => vi.restoreAllMocks());

function capture(stream: NodeJS.WriteStream): () => string {
  const chunks: string[] = [];
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return () => chunks.join('');
}

describe('option parsers', () => {
  it('accept whole numbers in range only', () => {
    const days = parseInteger(1, 365);
    expect(days('90')).toBe(90);
    for (const bad of ['1.5', 'x', '', '0', '366']) expect(() => days(bad)).toThrow(InvalidArgumentError);
  });

  it('accept UUIDs and comma-separated choices', () => {
    expect(parseUuid('0B9F3C1E-5D2A-4F7E-9A51-2C7D8E6F4A10')).toBe('0b9f3c1e-5d2a-4f7e-9a51-2c7d8e6f4a10');
    expect(() => parseUuid('42')).toThrow(InvalidArgumentError);
    const scopes = parseList(['read', 'write', 'admin'] as const);
    expect(scopes('read, write,read')).toEqual(['read', 'write']);
    expect(() => scopes('read,root')).toThrow(/unknown root/);
    expect(() => scopes(',')).toThrow(InvalidArgumentError);
  });
});

describe('reportError', () => {
  it('maps refusals to one line and exit 2, anything else to exit 1', () => {
    const stderr = capture(process.stderr);
    expect(reportError(notFound('org.not_found', 'Organisation x not found'))).toBe(2);
    expect(
      reportError(
        validationError('cli.invalid_input', 'invalid input', [
          { pointer: '/email', detail: 'must match format "email"' },
          { pointer: '/name', detail: 'must NOT have fewer than 1 characters' },
        ]),
      ),
    ).toBe(2);
    expect(reportError(new ConfigError(['PORT: must be integer', 'HOST: must NOT have fewer than 1 characters']))).toBe(
      2,
    );
    expect(reportError(new Error('boom\n    at somewhere'))).toBe(1);
    expect(reportError(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0);
    expect(reportError(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toBe(2);
    expect(stderr().split('\n')).toEqual([
      'threatshare: Organisation x not found',
      'threatshare: invalid input (/email: must match format "email"; /name: must NOT have fewer than 1 characters)',
      'threatshare: invalid configuration: PORT: must be integer; HOST: must NOT have fewer than 1 characters',
      'threatshare: unexpected error: boom',
      '',
    ]);
  });
});

describe('printTable', () => {
  it('aligns columns and marks empty cells', () => {
    const stdout = capture(process.stdout);
    printTable(
      [
        { id: 1, name: 'Example Cloud GmbH', country: 'DE' },
        { id: 22, name: 'X', country: null },
      ],
      [
        { header: 'ID', value: (r) => r.id },
        { header: 'NAME', value: (r) => r.name },
        { header: 'COUNTRY', value: (r) => r.country },
      ],
    );
    expect(stdout()).toBe(
      ['ID  NAME                COUNTRY', '1   Example Cloud GmbH  DE', '22  X                   -', ''].join('\n'),
    );
  });
});
