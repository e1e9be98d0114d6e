import { writeFileSync } from 'node:fs';
import { longChaosSettings, shortChaosSettings } from './ChaosSettings.ts';
import { judgeChaos } from './judgeChaos.ts';
import { renderChaosTable } from './renderChaosTable.ts';
import { runChaos } from './runChaos.ts';

// `npm run chaos`: the long fault-injection run (about a quarter of an hour), printing each
// scenario as it ends and then the tables that bench/README.md keeps. `-- --short` runs what
// `npm test` runs; `-- --json <file>` also writes every figure there. It fails when a figure
// misses its goal.
const argv = process.argv.slice(2);
const settings = argv.includes('--short') ? shortChaosSettings : longChaosSettings;
const jsonAt = argv.indexOf('--json');
const started = performance.now();
const result = await runChaos(settings, (scenario) => console.log(JSON.stringify(scenario)));
console.log(`\n${renderChaosTable(result)}\n`);
console.log(`Took ${Math.round((performance.now() - started) / 1_000)} s.`);
if (jsonAt >= 0 && argv[jsonAt + 1]) writeFileSync(argv[jsonAt + 1]!, `${JSON.stringify(result, null, 2)}\n`);
const problems = judgeChaos(result);
for (const problem of problems) console.error(`MISSED: ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
