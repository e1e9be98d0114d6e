import { loadAgencyModules } from '@joined-up/dev';
// Not part of the kit's surface for agencies: the kit sends it itself.
import { relationshipsElsewhereOperation } from '../../subgraphs/kit/src/access/relationshipsElsewhere.ts';
import { readRegisteredOperations } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';

// An agency that reads relationships other agencies record is a client of the gateway like any
// other: its one operation is registered, so a gateway serving only registered operations runs it.
describe("each agency's operation for relationships recorded elsewhere", () => {
  it('is registered under schema/operations/<agency>/, word for word', async () => {
    const registered = readRegisteredOperations();
    const asking = (await loadAgencyModules()).flatMap(({ module }) => {
      const operation = relationshipsElsewhereOperation(module.agency.name, module.access.policy);
      return operation ? [{ agency: module.agency.name, operation }] : [];
    });
    expect(asking.map(({ agency }) => agency)).toEqual(['health']);
    for (const { agency, operation } of asking) {
      const file = registered.find((candidate) => candidate.client === agency);
      // Exactly the registered text, as a gateway serving only registered operations requires.
      expect(file?.body, agency).toBe(operation);
    }
  });
});
