import { describe, expect, it } from 'vitest';
import { createAgenciesAnswering } from './agenciesAnswering.ts';
import { personFieldOwners } from './personFieldOwners.ts';

const agenciesAnswering = createAgenciesAnswering();

describe('which agencies answered person data in a response', () => {
  it('gives a field another agency only requires to the agency that resolves it', () => {
    const owners = personFieldOwners();
    expect(owners.get('careWorkers')).toBe('social-care');
    expect(owners.get('healthTimeline')).toBe('health');
    expect(owners.get('skillCoverage')).toBe('care-coordination');
    expect(owners.get('whatMattersToMe')).toBe('voluntary-sector');
    expect(owners.has('nhsNumber')).toBe(false);
  });

  it('counts a field only where its parent is a Person, through aliases and fragments', () => {
    const query = `query($n: NHSNumber!) { person(nhsNumber: $n) { nhsNumber plan: carePlan { whatMattersToMe } ...Mine
                    } }
      fragment Mine on Person { careTeam { carer { name { full } } } }`;
    const data = {
      person: {
        nhsNumber: '9990000018',
        plan: { whatMattersToMe: ['Climbing'] },
        careTeam: [{ carer: null }, { carer: { name: { full: 'Margaret Taylor' } } }],
      },
    };
    expect(agenciesAnswering(query, data)).toEqual(new Set(['care-coordination', 'health']));
    // The CareCoordinationCarePlan's whatMattersToMe is not the voluntary sector's Person.whatMattersToMe.
    expect(agenciesAnswering(query, data).has('voluntary-sector')).toBe(false);
  });

  it('does not count a refused field, nor a response without data', () => {
    const query =
      '{ person(nhsNumber: "9990000018") { socialPrescribingReferrals { status } careAndSupportPlan { status } } }';
    expect(
      agenciesAnswering(query, {
        person: { socialPrescribingReferrals: null, careAndSupportPlan: { status: 'AGREED' } },
      }),
    ).toEqual(new Set(['social-care']));
    expect(agenciesAnswering(query, undefined)).toEqual(new Set());
    expect(agenciesAnswering('{ person(', null)).toEqual(new Set());
  });

  it('follows mutations to the person data they return', () => {
    const query =
      'mutation { respondToReferral(input: { referralId: "r", ' +
      'idempotencyKey: "k", status: ACCEPTED }) { referral { person ' +
      '{ name { full } } } } }';
    expect(
      agenciesAnswering(query, { respondToReferral: { referral: { person: { name: { full: 'Sam Taylor' } } } } }),
    ).toEqual(new Set(['health']));
  });
});
