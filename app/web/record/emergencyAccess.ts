import { authorisedHeaders } from '../graphql/createGraphQLClient.ts';

/** An emergency declared in this tab: for one person, with its reason, open for 30 minutes. */
interface Declaration {
  reason: string;
  declaredAt: number;
}

const openFor = 30 * 60 * 1000;
const declarations = new Map<string, Declaration>();

export function declareEmergency(nhsNumber: string, reason: string): void {
  declarations.set(nhsNumber, { reason, declaredAt: Date.now() });
}

export function emergencyDeclaredFor(nhsNumber: string): Declaration | undefined {
  const found = declarations.get(nhsNumber);
  if (found && Date.now() - found.declaredAt > openFor) declarations.delete(nhsNumber);
  return declarations.get(nhsNumber);
}

/**
 * The request options that carry an emergency declaration for this person, if one is open: its
 * reason and the NHS number it is for, so that it opens this one record and nothing else.
 */
export function emergencyFetchOptions(nhsNumber: string): (() => RequestInit) | undefined {
  const declared = emergencyDeclaredFor(nhsNumber);
  if (!declared) return undefined;
  return () => ({
    headers: authorisedHeaders({ 'x-break-glass': `${nhsNumber}; ${declared.reason}` }),
  });
}
