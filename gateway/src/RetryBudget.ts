/** How many retries an agency's calls may add, in the manner of Apollo Router's and Linkerd's retry budgets. */
export interface RetryBudgetOptions {
  /** Retries allowed as a share of the calls made in the last `windowMs`. @default 0.2 */
  ratio?: number;
  /** Retries allowed each second whatever the traffic, so that a quiet gateway can retry at all. @default 10 */
  minPerSecond?: number;
  /** How long a call counts towards the budget. @default 10_000 */
  windowMs?: number;
}

/**
 * A retry budget: retries may add at most `ratio` to the calls of the last window, plus a small
 * floor. When an agency is failing, every call fails and retries would double its load just as it
 * struggles; the budget caps them, so retries smooth over a blip without making an outage worse.
 */
export class RetryBudget {
  readonly #ratio: number;
  readonly #minPerSecond: number;
  readonly #windowMs: number;
  readonly #calls: number[] = [];
  readonly #retries: number[] = [];
  readonly #now: () => number;

  constructor(options: RetryBudgetOptions = {}, now: () => number = () => performance.now()) {
    this.#now = now;
    this.#ratio = options.ratio ?? 0.2;
    this.#minPerSecond = options.minPerSecond ?? 10;
    this.#windowMs = options.windowMs ?? 10_000;
  }

  /** Counts a first attempt. */
  recordCall(): void {
    this.#calls.push(this.#now());
  }

  /** Takes one retry from the budget, or says there is none left. */
  tryRetry(): boolean {
    const now = this.#now();
    forget(this.#calls, now - this.#windowMs);
    forget(this.#retries, now - this.#windowMs);
    const allowed = this.#calls.length * this.#ratio + (this.#minPerSecond * this.#windowMs) / 1_000;
    if (this.#retries.length >= allowed) return false;
    this.#retries.push(now);
    return true;
  }
}

/** Drops the times (oldest first) before `since`. */
function forget(times: number[], since: number): void {
  let old = 0;
  while (old < times.length && times[old]! < since) old += 1;
  times.splice(0, old);
}
