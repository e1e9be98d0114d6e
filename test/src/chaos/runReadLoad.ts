import type { GraphQLResult } from '../graphqlRequest.ts';

/** One read as the client saw it. */
export interface ReadAnswer {
  /** When it was sent and answered, in performance.now() milliseconds. */
  sentAt: number;
  answeredAt: number;
  /** 0 when no HTTP answer came (the connection failed or the client gave up). */
  status: number;
  body: GraphQLResult<{ person: Record<string, unknown> | null }>['body'];
}

/** Readers sending one request after another until stopped. */
export interface ReadLoad {
  /** Every answer so far, in the order they came. */
  answers: ReadAnswer[];
  stop(): Promise<ReadAnswer[]>;
}

/**
 * Starts `readers` loops, each posting `query` to the gateway as soon as its last answer came.
 * `url` is asked before each request, so the loops follow a gateway started again elsewhere. A
 * client gives up after `clientTimeoutMs`, well past the gateway's own deadline: an answer that
 * late is a finding in itself.
 */
export function runReadLoad(options: {
  url: () => string;
  token: string;
  query: string;
  readers: number;
  clientTimeoutMs: number;
}): ReadLoad {
  const answers: ReadAnswer[] = [];
  let running = true;
  const loop = async (): Promise<void> => {
    while (running) {
      const sentAt = performance.now();
      try {
        const response = await fetch(options.url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ query: options.query }),
          signal: AbortSignal.timeout(options.clientTimeoutMs),
        });
        const text = await response.text();
        let body: ReadAnswer['body'];
        try {
          body = JSON.parse(text) as ReadAnswer['body'];
        } catch {
          body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
        }
        answers.push({ sentAt, answeredAt: performance.now(), status: response.status, body });
      } catch (error) {
        answers.push({
          sentAt,
          answeredAt: performance.now(),
          status: 0,
          body: { errors: [{ message: String((error as Error).cause ?? error) }] },
        });
        // No busy loop against a gateway that refuses connections.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const loops = Array.from({ length: options.readers }, loop);
  return {
    answers,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}
