import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults: 127.0.0.1:8080, ./data, keys inside the data directory', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', PUBLIC_URL: 'http://127.0.0.1:8080' });
    expect(config.DATA_DIR).toBe(path.resolve('data'));
    expect(config.SIGNING_KEY_FILE).toBe(path.resolve('data/keys/signing-key.pem'));
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'chatty', ADMIN_EMAIL: 'nobody' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/PORT.*\n.*DATABASE_URL.*\n.*LOG_LEVEL.*info.*\n.*ADMIN_EMAIL/s);
    }
  });

  it('reads a config file, the environment winning, and rejects unknown settings in it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ts-config-'));
    const file = path.join(dir, 'threatshare.json');
    writeFileSync(file, JSON.stringify({ PORT: 9000, OPERATOR_NAME: 'National CERT', LOG_LEVEL: 'warn' }));
    const config = loadConfig({ THREATSHARE_CONFIG: file, LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({ PORT: 9000, OPERATOR_NAME: 'National CERT', LOG_LEVEL: 'debug' });
    writeFileSync(file, JSON.stringify({ PORTT: 9000 }));
    expect(() => loadConfig({ THREATSHARE_CONFIG: file })).toThrow(/PORTT: unknown setting/);
    expect(() => loadConfig({ THREATSHARE_CONFIG: path.join(dir, 'missing.json') })).toThrow(/cannot read/);
  });
});
