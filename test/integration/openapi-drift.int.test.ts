import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../../scripts/openapi.ts';

const committed = path.resolve(import.meta.dirname, '../../web/src/api/openapi.json');

describe('the web UI API types', () => {
  it('are generated from the OpenAPI document the server produces (run `npm run api:types` after API changes)', async () => {
    const current = await generateOpenApi();
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(current);
  });
});
