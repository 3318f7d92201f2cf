import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { createContainer } from '../src/container.ts';
import { openDatabase } from '../src/db/client.ts';

/**
 * The OpenAPI document as the server generates it from its route schemas, built on a throwaway
 * in-memory database. The web UI's API types are generated from it (npm run api:types).
 */
export async function generateOpenApi(): Promise<unknown> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'threatshare-openapi-'));
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:8080', LOG_LEVEL: 'silent' });
  const container = await createContainer(config, { database: await openDatabase({ dataDir: 'memory://' }) });
  try {
    const app = await buildApp(container, { logger: false, webDir: path.join(dataDir, 'none') });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await container.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  const document = await generateOpenApi();
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
