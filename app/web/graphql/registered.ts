import type { TypedDocumentNode } from '@urql/core';

/**
 * A registered operation as the app holds it: its id and its types, no text. urql sends a
 * document with no definitions and a `documentId` as `{ "documentId": ..., "variables": ... }`,
 * which the gateway answers with the operation registered under that id.
 */
export function registered<TResult, TVariables>(documentId: string): TypedDocumentNode<TResult, TVariables> {
  return { kind: 'Document', definitions: [], documentId } as unknown as TypedDocumentNode<TResult, TVariables>;
}
