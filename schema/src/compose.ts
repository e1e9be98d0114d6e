export { composeSupergraph, type CompositionOutcome } from './composeSupergraph.ts';
