import { developmentIdentity } from '@joined-up/core';
import { demoUsers, findDemoUser } from './demoUsers.ts';
import { signingKeyPathOf } from './paths.ts';
import { loadOrCreateSigningKey } from './signingKey.ts';
import { signToken } from './signToken.ts';

// `npm run token -- <user>`: prints a development token for a demo user, and nothing else, on
// the last line, so `TOKEN=$(npm run -s token -- gp)` works. It signs with the same key file the
// identity provider started by `npm start` publishes.
const username = process.argv[2];
const user = username ? findDemoUser(username) : undefined;
if (!user) {
  console.error(
    `Usage: npm run token -- <user>\nDemo ` +
      `users:\n${demoUsers.map((u) => `  ${u.username.padEnd(15)} ${u.description}`).join('\n')}`,
  );
  process.exit(1);
}
const key = await loadOrCreateSigningKey(signingKeyPathOf(process.env));
console.log(
  await signToken(user, key, {
    issuer: process.env['JOINED_UP_ISSUER'] ?? developmentIdentity.issuer,
    audience: process.env['JOINED_UP_AUDIENCE'] ?? developmentIdentity.audience,
  }),
);
