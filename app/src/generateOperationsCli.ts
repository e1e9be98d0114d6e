import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { operationsFolder } from '@joined-up/schema';
import { generateOperations } from './generateOperations.ts';

// `npm run generate -w @joined-up/app`: regenerates the operations' types and ids, and registers
// the operations (schema/operations/app/), removing any the app no longer has. `--check` changes
// nothing and fails if anything is out of date, as the app's unit test does.
const check = process.argv.includes('--check');
const registry = join(operationsFolder, 'app');
const files = await generateOperations(registry);
const stale = files.filter((file) => {
  try {
    return readFileSync(file.path, 'utf8') !== file.text;
  } catch {
    return true;
  }
});
mkdirSync(registry, { recursive: true });
const wanted = new Set(files.map((file) => file.path));
const gone = readdirSync(registry)
  .map((name) => join(registry, name))
  .filter((path) => !wanted.has(path));
if (check) {
  for (const path of [...stale.map((file) => file.path), ...gone]) console.error(`out of date: ${path}`);
  process.exit(stale.length + gone.length === 0 ? 0 : 1);
}
for (const file of stale) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.text);
}
for (const path of gone) rmSync(path);
console.log(`${files.length - 1} operations: ${stale.length} files written, ${gone.length} registrations removed.`);
