import { measureEventDelivery } from './measureEventDelivery.ts';
import { printEventDelivery } from './report.ts';

// `npm run bench:events [-- --clients 1,100,1000] [--events N] [--engines in-process,nats]
// [--sign-ins own,shared]`: the event part of `npm run bench` alone; NATS at NATS_URL or the
// machine's 127.0.0.1:4222.
const argument = (name: string, otherwise: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? otherwise : (process.argv[at + 1] ?? '');
};
const clients = argument('clients', '1,100,1000').split(',').map(Number);
const events = Number(argument('events', '20'));
const engines = argument('engines', 'in-process,nats').split(',');
const signIns = argument('sign-ins', 'own,shared').split(',');
if (
  clients.some((count) => !Number.isInteger(count) || count < 1 || count > 5000) ||
  !Number.isInteger(events) ||
  events < 1 ||
  engines.some((engine) => engine !== 'in-process' && engine !== 'nats') ||
  signIns.some((mode) => mode !== 'own' && mode !== 'shared')
) {
  console.error(
    'Usage: npm run bench:events [-- --clients 1,100,1000 (1 to 5000 each)] [--events N] ' +
      '[--engines in-process,nats] [--sign-ins own,shared]',
  );
  process.exit(2);
}
const entries = [];
for (const engine of engines as Array<'in-process' | 'nats'>)
  for (const mode of signIns as Array<'own' | 'shared'>)
    entries.push(
      ...(await measureEventDelivery({ engine, clients, events, signIns: mode, natsUrl: process.env['NATS_URL'] })),
    );
printEventDelivery(entries);
