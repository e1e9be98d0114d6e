import { registeredOperation } from '@joined-up/schema';
import pg from 'pg';
import type { ChaosSettings } from './ChaosSettings.ts';
import type { ChaosFederation } from './startChaosFederation.ts';

/** What a burst of writes met when a process was stopped in the middle of it. */
export interface WriteResult {
  /** What was signalled: the gateway or an agency. */
  target: string;
  /** SIGTERM (stopped, then started again) or SIGSTOP (hung, then woken with SIGCONT). */
  signal: 'SIGTERM' | 'SIGSTOP';
  writes: number;
  /** Answered as committed (the referral and its id), as failed (an error answer), or not answered at all. */
  committed: number;
  failed: number;
  cut: number;
  /** Answered as committed, and not in the database. */
  lost: number;
  /** Answered as failed or not answered, and committed all the same. */
  failedButCommitted: number;
  /** Failed writes whose retry with the same key told the truth: the first commit replayed, or a new one. */
  retriedConsistently: number;
  /** Failed writes still not committed after every retry. */
  unresolved: number;
  /** Keys with more than one row. */
  duplicates: number;
  /** Lost, duplicated, or a retry that disagrees with the database. */
  misreported: number;
  /** How long the process took to exit after SIGTERM, and its exit code; 0 and null for SIGSTOP. */
  stopMs: number;
  exitCode: number | null;
}

const sendReferral = registeredOperation('SendReferralUnderFault').body;

type Outcome = { kind: 'committed'; id: string; replayed: boolean } | { kind: 'failed' | 'cut'; detail: string };

/**
 * Sends a burst of idempotent care-coordination writes (referrals of Sam) through the gateway and
 * signals `target` (the gateway, or care coordination) once a quarter of them are answered: SIGTERM,
 * then starts it again; or SIGSTOP, then SIGCONT once every write is answered (the gateway gives up
 * on the writes it sent meanwhile, which the agency then makes: answered as failed, yet committed).
 * Then it compares every answer with care coordination's database, and retries every write not
 * answered as committed with its own key until it is.
 */
export async function runWriteScenario(options: {
  federation: ChaosFederation;
  target: 'gateway' | 'care-coordination';
  signal?: 'SIGTERM' | 'SIGSTOP';
  settings: ChaosSettings;
}): Promise<WriteResult> {
  const { federation, target, settings } = options;
  const signal = options.signal ?? 'SIGTERM';
  const token = await federation.tokenFor('gp');
  const run = `chaos-${process.pid}-${Date.now()}-${signal}-${target}`;
  const keys = Array.from({ length: settings.writes }, (_, index) => `${run}-${index}`);
  const write = (key: string) => send(federation.gateway.url, token, key, settings);
  const outcomes = new Map<string, Outcome>();
  const process_ = target === 'gateway' ? federation.gateway : federation.agency(target).process;
  let stoppedAt: number | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++]!;
      outcomes.set(key, await write(key));
      if (stoppedAt === undefined && outcomes.size >= Math.ceil(keys.length / 4)) {
        stoppedAt = performance.now();
        if (target === 'gateway') federation.signalGateway(signal);
        else federation.agency(target).signal(signal);
      }
    }
  };
  await Promise.all(Array.from({ length: settings.writeConcurrency }, worker));
  const database = federation.agency('care-coordination').database.url;
  let exitCode: number | null = null;
  let stopMs = 0;
  if (signal === 'SIGTERM') {
    exitCode = await process_.exited;
    stopMs = Math.round(performance.now() - (stoppedAt ?? performance.now()));
  } else {
    if (target === 'gateway') federation.signalGateway('SIGCONT');
    else federation.agency(target).signal('SIGCONT');
    await settle(process_.url);
  }
  const beforeRetries = await committedReferrals(database, run);
  if (signal === 'SIGTERM' && target === 'gateway') await federation.startGateway();
  else if (signal === 'SIGTERM') await federation.agency(target).start();

  // Every write not answered as committed is retried with its own key until it is answered so
  // (an open circuit takes a while to probe the agency again).
  const retries = new Map<string, Outcome>();
  const giveUpAt = performance.now() + settings.recoveryLimitMs;
  for (const key of keys) {
    if (outcomes.get(key)?.kind === 'committed') continue;
    let retry = await write(key);
    while (retry.kind !== 'committed' && performance.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      retry = await write(key);
    }
    retries.set(key, retry);
  }
  const afterRetries = await committedReferrals(database, run);

  let lost = 0;
  let failedButCommitted = 0;
  let retriedConsistently = 0;
  let unresolved = 0;
  let inconsistent = 0;
  for (const key of keys) {
    const outcome = outcomes.get(key)!;
    const before = beforeRetries.get(key) ?? [];
    const after = afterRetries.get(key) ?? [];
    if (outcome.kind === 'committed') {
      if (!before.includes(outcome.id)) lost += 1;
      continue;
    }
    if (before.length > 0) failedButCommitted += 1;
    const retry = retries.get(key)!;
    if (retry.kind !== 'committed') {
      unresolved += 1;
      continue;
    }
    // A retry replays the first commit when there was one, and otherwise is the commit it says.
    const truthful = after.includes(retry.id) && (before.length === 0 || (retry.replayed && before.includes(retry.id)));
    if (truthful) retriedConsistently += 1;
    else inconsistent += 1;
  }
  const duplicates = [...afterRetries.values()].filter((ids) => ids.length > 1).length;
  const count = (kind: Outcome['kind']) => [...outcomes.values()].filter((outcome) => outcome.kind === kind).length;
  return {
    target,
    signal,
    writes: keys.length,
    committed: count('committed'),
    failed: count('failed'),
    cut: count('cut'),
    lost,
    failedButCommitted,
    retriedConsistently,
    unresolved,
    duplicates,
    misreported: lost + duplicates + inconsistent,
    stopMs,
    exitCode,
  };
}

/**
 * Waits for a woken process to have worked through what reached it while it was stopped: its
 * /health answers once the requests queued before it have run, and a moment more lets their
 * transactions end.
 */
async function settle(url: string): Promise<void> {
  const health = new URL('/health', url.replace('localhost', '127.0.0.1'));
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const answered = await fetch(health, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

/** Posts one referral of Sam with `key`, and says how it was answered. */
async function send(url: string, token: string, key: string, settings: ChaosSettings): Promise<Outcome> {
  const input = {
    nhsNumber: '9990000018',
    idempotencyKey: key,
    toOrganisationCode: 'DEMOV2',
    service: 'Social prescribing',
    reason: `Fault-injection write ${key}`,
  };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: sendReferral, variables: { input } }),
      signal: AbortSignal.timeout(settings.requestTimeoutMs + settings.shutdownGraceMs + 5_000),
    });
    const text = await response.text();
    const body = JSON.parse(text) as {
      data?: { sendReferral?: { replayed: boolean; referral: { id: string; status: string } } | null } | null;
      errors?: Array<{ extensions?: Record<string, unknown> }>;
    };
    const answer = body.data?.sendReferral;
    if (response.status === 200 && answer?.referral.status === 'SENT' && !body.errors)
      return { kind: 'committed', id: answer.referral.id, replayed: answer.replayed };
    return { kind: 'failed', detail: `${response.status} ${JSON.stringify(body.errors?.map((e) => e.extensions))}` };
  } catch (error) {
    return { kind: 'cut', detail: String((error as Error).cause ?? error) };
  }
}

/** The referrals of this run in care coordination's database: their ids by idempotency key. */
async function committedReferrals(databaseUrl: string, run: string): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; reason: string }>(
      'select id, reason from referrals where reason like $1',
      [`Fault-injection write ${run}-%`],
    );
    const byKey = new Map<string, string[]>();
    for (const { id, reason } of rows) {
      const key = reason.slice('Fault-injection write '.length);
      byKey.set(key, [...(byKey.get(key) ?? []), id]);
    }
    return byKey;
  } finally {
    await client.end();
  }
}
