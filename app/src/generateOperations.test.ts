import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationsFolder, readRegisteredOperations } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';
import { generateOperations } from './generateOperations.ts';

describe("the app's operations", () => {
  // Building the API schema and running codegen takes seconds on a busy machine.
  it(
    'are generated and registered as web/operations holds them (npm run generate -w @joined-up/app)',
    { timeout: 30_000 },
    async () => {
      const files = await generateOperations(join(operationsFolder, 'app'));
      for (const file of files) expect(readFileSync(file.path, 'utf8'), file.path).toBe(file.text);
      const registeredIds = readRegisteredOperations()
        .filter((operation) => operation.client === 'app')
        .map((operation) => operation.id)
        .sort();
      const generated = files[0]!.text;
      const appIds = [...generated.matchAll(/registered<[^>]+>\(\s*'([0-9a-f]{64})'/g)].map((match) => match[1]).sort();
      expect(appIds).toEqual(registeredIds);
    },
  );
});
