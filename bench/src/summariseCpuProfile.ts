import { type CallFrame, categoriseFrame, fetchCategories, type ProfileCategory } from './categoriseFrame.ts';

/** A V8 CPU profile as `node --cpu-prof` writes it (times in microseconds of the monotonic clock). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Microseconds of samples in the window, the profile's whole span. */
  sampledUs: number;
  /** Each sample's time, given to the innermost frame with a category: exclusive, adding up to sampledUs. */
  self: Map<ProfileCategory | 'other', number>;
  /** Time with the category anywhere on the stack (so a category's callees count too). */
  total: Map<ProfileCategory, number>;
  /** Self time by function and file, to see what fills a category. */
  functions: Map<string, number>;
}

const emptySummary = (): ProfileSummary => ({ sampledUs: 0, self: new Map(), total: new Map(), functions: new Map() });

const add = <K>(map: Map<K, number>, key: K, us: number) => map.set(key, (map.get(key) ?? 0) + us);

/**
 * Sums one profile's samples taken within [fromUs, toUs] into `into`, by category. JSON.parse
 * and JSON.stringify are V8 builtins with no file: they count for the fetch path when the fetch
 * path called them (a subgraph's answer, a subgraph request), and otherwise as the client's
 * request body (parse) and the client's answer (stringify).
 */
export function summariseCpuProfile(
  profile: CpuProfile,
  window: { fromUs: number; toUs: number },
  into: ProfileSummary = emptySummary(),
): ProfileSummary {
  const parents = new Map<number, number>();
  const frames = new Map<number, CallFrame>();
  for (const node of profile.nodes) {
    frames.set(node.id, node.callFrame);
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  // Each node's categories, leaf first, computed once per node rather than once per sample.
  const assigned = new Map<number, { self: ProfileCategory | 'other'; on: Set<ProfileCategory> }>();
  const assign = (leaf: number) => {
    let known = assigned.get(leaf);
    if (known) return known;
    const stack: CallFrame[] = [];
    for (let id: number | undefined = leaf; id !== undefined; id = parents.get(id)) stack.push(frames.get(id)!);
    const categories = stack.map(categoriseFrame);
    const innermost = categories.findIndex((category) => category !== null);
    const caller = innermost === -1 ? null : categories[innermost]!;
    let self: ProfileCategory | 'other' = caller ?? 'other';
    const json = stack
      .slice(0, innermost === -1 ? stack.length : innermost)
      .find((frame) => frame.url === '' && (frame.functionName === 'parse' || frame.functionName === 'stringify'));
    if (json && (caller === null || !['GC', 'idle', 'V8 (program)'].includes(caller))) {
      const forFetch = caller !== null && fetchCategories.has(caller);
      if (json.functionName === 'parse')
        self = forFetch ? 'fetch: JSON.parse of answers' : (caller ?? 'HTTP server + body parsing');
      else if (forFetch) self = 'fetch: JSON.stringify of requests';
      else if (
        caller === null ||
        caller === 'request pipeline (Apollo Server / Yoga)' ||
        caller === 'HTTP server + body parsing'
      )
        self = 'serialisation (JSON.stringify)';
    } else if (caller === null) {
      const library = stack.some((frame) => frame.url.includes('/graphql/'));
      self = library ? 'graphql-js (other)' : 'node internals (streams, timers, promises)';
    }
    known = { self, on: new Set(categories.filter((category): category is ProfileCategory => category !== null)) };
    known.on.add(self as ProfileCategory);
    assigned.set(leaf, known);
    return known;
  };
  let at = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    at += profile.timeDeltas[index] ?? 0;
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[index + 1] ?? 0;
    if (at < window.fromUs || at > window.toUs || us <= 0) continue;
    const leaf = profile.samples[index]!;
    const { self, on } = assign(leaf);
    into.sampledUs += us;
    add(into.self, self, us);
    for (const category of on) add(into.total, category, us);
    const frame = frames.get(leaf)!;
    add(into.functions, `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '')}`, us);
  }
  return into;
}
