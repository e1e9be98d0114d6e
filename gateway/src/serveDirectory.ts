import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createDirectorySchema } from './createDirectorySchema.ts';

/**
 * The directory (person, people) as a subgraph of its own over HTTP, for an engine that does not
 * run it in its own process as our gateway does (Hive Gateway, Apollo Router, the benchmark's bare
 * Apollo Gateway), at the URL its supergraph gives the `directory` subgraph. It holds nothing and
 * calls nothing: it answers each NHS number with a reference to the same number.
 */
export async function serveDirectory(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({
    schema: createDirectorySchema(),
    includeStacktraceInErrorResponses: false,
    // Apollo's traces for its Studio are off: nothing goes to a third party.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
