import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const sam = '9990000018';
const key = () => randomUUID();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const agencyNames = {
  health: 'Riverside GP Federation and Community Health Services',
  'social-care': 'Riverside Council Adult Social Care',
  'voluntary-sector': 'Riverside Voluntary Sector Partnership',
  'care-coordination': 'Riverside Place Partnership',
};

const sendReferral = /* GraphQL */ `
  mutation Refer($input: CareCoordinationSendReferralInput!) {
    sendReferral(input: $input) {
      replayed
      referral {
        id
        status
        service
        toSector
        fromOrganisation {
          code
          name
        }
        toOrganisation {
          code
          name
        }
        statusHistory {
          status
        }
      }
    }
  }
`;
const respondToReferral = /* GraphQL */ `
  mutation Respond($input: CareCoordinationRespondToReferralInput!) {
    respondToReferral(input: $input) {
      replayed
      referral {
        id
        status
        waitDays
        statusHistory {
          status
          provenance {
            recordedBy
          }
        }
      }
    }
  }
`;
const worklist = /* GraphQL */ `
  query Worklist {
    referralWorklist(status: [SENT], first: 100) {
      edges {
        node {
          id
          service
          reason
          person {
            nhsNumber
            name {
              full
            }
          }
        }
      }
    }
  }
`;
const planOf = /* GraphQL */ `
  query Plan($nhsNumber: NHSNumber!) {
    person(nhsNumber: $nhsNumber) {
      carePlan {
        version
        aboutMe
        aboutMeProvenance {
          recordedBy
          recordedByRole
        }
        goals {
          id
          description
          actions {
            description
            dueOn
            status
            owner {
              id
              role
            }
            ownerOrganisation {
              code
              name
            }
          }
        }
      }
    }
  }
`;
const addCarePlanAction = /* GraphQL */ `
  mutation AddAction($input: CareCoordinationAddCarePlanActionInput!) {
    addCarePlanAction(input: $input) {
      replayed
      carePlan {
        version
      }
    }
  }
`;
const updateAboutMe = /* GraphQL */ `
  mutation AboutMe($input: CareCoordinationUpdateAboutMeInput!) {
    updateAboutMe(input: $input) {
      replayed
      carePlan {
        version
        aboutMe
        aboutMeProvenance {
          recordedBy
        }
      }
    }
  }
`;
const addCarePlanGoal = /* GraphQL */ `
  mutation AddGoal($input: CareCoordinationAddCarePlanGoalInput!) {
    addCarePlanGoal(input: $input) {
      replayed
      carePlan {
        version
        goals {
          description
        }
      }
    }
  }
`;

type Referral = {
  id: string;
  status: string;
  service: string;
  toSector: string;
  fromOrganisation: { code: string; name: string };
  toOrganisation: { code: string; name: string };
  statusHistory: Array<{ status: string; provenance?: { recordedBy: string } }>;
};
type Plan = {
  version: number;
  aboutMe: string;
  aboutMeProvenance: { recordedBy: string; recordedByRole: string } | null;
  goals: Array<{
    id: string;
    description: string;
    actions: Array<{
      description: string;
      dueOn: string;
      status: string;
      owner: { id: string; role: string } | null;
      ownerOrganisation: { code: string; name: string };
    }>;
  }>;
};
type TimelineNode = {
  id: string;
  occurredOn: string;
  kind: string;
  title: string;
  detail: string | null;
  agency: string;
  provenance: { recordedBy: string; recordedAt: string };
};
type AccessEvent = {
  requestId: string;
  action: string;
  actorName: string;
  actorRole: string;
  organisation: { name: string };
  categories: string[];
};

/** What Sam's story did, step by step: the request id of each step, for the timeline and the audit. */
interface Story {
  referral: Referral;
  referralRequestId: string;
  inWorklist: Array<{
    id: string;
    service: string;
    reason: string;
    person: { nhsNumber: string; name: { full: string } | null };
  }>;
  accepted: {
    id: string;
    status: string;
    waitDays: number | null;
    statusHistory: Array<{ status: string; provenance: { recordedBy: string } }>;
  };
  acceptRequestId: string;
  planBefore: Plan;
  action: { description: string; dueOn: string; version: number; requestId: string };
  aboutMe: { text: string; version: number; recordedBy: string; requestId: string };
  careWorkersPlan: Plan;
}

// The same story through our gateway and through Hive Gateway on the Rust query planner (its
// committed configuration, deploy/hive-gateway), in front of the same subgraphs.
describe.each(['joined-up', 'hive'] as const)("Sam's care, end to end through the %s gateway", (engine) => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startFederationForTest({ people: 100, engine });
  });
  afterAll(async () => federation?.stop());

  /** Runs an operation as a user and expects it to succeed whole; returns its data and request id. */
  async function succeed<T>(
    as: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data: T; requestId: string }> {
    const { status, headers, body } = await federation.query<T>(as, query, variables);
    expect(status, `${as}: ${query}`).toBe(200);
    expect(body.errors, `${as}: ${query}`).toBeUndefined();
    // The gateway's own id for the request, which every agency's audit is keyed by.
    return { data: body.data as T, requestId: headers.get('x-request-id')! };
  }

  const readPlan = async (as: string) =>
    (await succeed<{ person: { carePlan: Plan } }>(as, planOf, { nhsNumber: sam })).data.person.carePlan;

  /**
   * Sam's story, told once for the whole file whichever test asks first: the GP refers him to
   * social prescribing, the link worker accepts, his coordinator adds an action owned by the link
   * worker, his mother adds to About me, and his care worker reads the plan.
   */
  let told: Promise<Story> | undefined;
  const story = () => (told ??= tellSamsStory());
  async function tellSamsStory(): Promise<Story> {
    const reason = `Would like a cooking group, with his diabetes in mind (${randomUUID().slice(0, 8)}).`;
    const referred = await succeed<{ sendReferral: { referral: Referral } }>('gp', sendReferral, {
      input: {
        nhsNumber: sam,
        idempotencyKey: key(),
        toOrganisationCode: 'DEMOV2',
        service: 'Social prescribing',
        reason,
      },
    });
    const referral = referred.data.sendReferral.referral;
    const listed = await succeed<{ referralWorklist: { edges: Array<{ node: Story['inWorklist'][number] }> } }>(
      'link-worker',
      worklist,
    );
    const accepted = await succeed<{ respondToReferral: { referral: Story['accepted'] } }>(
      'link-worker',
      respondToReferral,
      {
        input: { referralId: referral.id, idempotencyKey: key(), status: 'ACCEPTED' },
      },
    );

    const planBefore = await readPlan('coordinator');
    const flat = planBefore.goals.find((goal) => goal.description === 'I want to keep living in my own flat.')!;
    const description = 'Find Sam a Thursday cooking group near his flat, and go with him the first time.';
    const dueOn = inDays(60);
    const added = await succeed<{ addCarePlanAction: { carePlan: { version: number } } }>(
      'coordinator',
      addCarePlanAction,
      {
        input: {
          nhsNumber: sam,
          idempotencyKey: key(),
          expectedVersion: planBefore.version,
          goalId: flat.id,
          description,
          ownerMemberId: 'sam-team-link-worker',
          dueOn,
        },
      },
    );

    const mothersView = await readPlan('carer');
    const text =
      "I'm Sam. I like climbing, trains and cooking; I'd like to " +
      'cook my own tea on Thursdays. Please tell me before plans ' +
      'change.';
    const written = await succeed<{
      updateAboutMe: { carePlan: { version: number; aboutMeProvenance: { recordedBy: string } } };
    }>('carer', updateAboutMe, {
      input: { nhsNumber: sam, idempotencyKey: key(), expectedVersion: mothersView.version, aboutMe: text },
    });

    return {
      referral,
      referralRequestId: referred.requestId,
      inWorklist: listed.data.referralWorklist.edges.map((edge) => edge.node),
      accepted: accepted.data.respondToReferral.referral,
      acceptRequestId: accepted.requestId,
      planBefore,
      action: {
        description,
        dueOn,
        version: added.data.addCarePlanAction.carePlan.version,
        requestId: added.requestId,
      },
      aboutMe: {
        text,
        version: written.data.updateAboutMe.carePlan.version,
        recordedBy: written.data.updateAboutMe.carePlan.aboutMeProvenance.recordedBy,
        requestId: written.requestId,
      },
      careWorkersPlan: await readPlan('care-worker'),
    };
  }

  it('(a) lets the GP refer Sam to social prescribing at Community Links', async () => {
    const { referral } = await story();
    expect(referral).toMatchObject({
      status: 'SENT',
      service: 'Social prescribing',
      toSector: 'voluntary-sector',
      fromOrganisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' },
      toOrganisation: { code: 'DEMOV2', name: 'Community Links Social Prescribing' },
      statusHistory: [{ status: 'SENT' }],
    });
  });

  it(
    "(b) puts the referral in the link worker's worklist at once, " +
      "with Sam's name from health, and lets her accept it",
    async () => {
      const { referral, inWorklist, accepted } = await story();
      expect(inWorklist).toContainEqual({
        id: referral.id,
        service: 'Social prescribing',
        reason: expect.stringMatching(/^Would like a cooking group/),
        person: { nhsNumber: sam, name: { full: 'Sam Taylor' } },
      });
      expect(accepted).toEqual({
        id: referral.id,
        status: 'ACCEPTED',
        waitDays: 0,
        statusHistory: [
          { status: 'SENT', provenance: { recordedBy: 'Dr Priya Shah' } },
          { status: 'ACCEPTED', provenance: { recordedBy: 'Amira Hassan' } },
        ],
      });
      // Answered, it leaves the worklist of referrals waiting.
      const after = await succeed<{ referralWorklist: { edges: Array<{ node: { id: string } }> } }>(
        'link-worker',
        worklist,
      );
      expect(after.data.referralWorklist.edges.map((edge) => edge.node.id)).not.toContain(referral.id);
    },
  );

  it(
    '(c, d, e) shows the care worker the action the coordinator ' + 'added and what his mother wrote in About me',
    async () => {
      const { planBefore, action, aboutMe, careWorkersPlan } = await story();
      expect(action.version).toBe(planBefore.version + 1);
      expect(aboutMe).toMatchObject({ version: action.version + 1, recordedBy: 'Margaret Taylor' });
      expect(careWorkersPlan.version).toBe(aboutMe.version);
      expect(careWorkersPlan.aboutMe).toBe(aboutMe.text);
      expect(careWorkersPlan.aboutMeProvenance).toEqual({
        recordedBy: 'Margaret Taylor',
        recordedByRole: 'Carer acting for the person',
      });
      const flat = careWorkersPlan.goals.find((goal) => goal.description === 'I want to keep living in my own flat.')!;
      expect(flat.actions).toContainEqual({
        description: action.description,
        dueOn: action.dueOn,
        status: 'NOT_STARTED',
        owner: { id: 'sam-team-link-worker', role: 'Social prescribing link worker' },
        ownerOrganisation: { code: 'DEMOV2', name: 'Community Links Social Prescribing' },
      });
    },
  );

  it(
    "(f) puts every step on Sam's one timeline, beside health's, " +
      "social care's and the voluntary sector's entries, newest " +
      'first',
    async () => {
      const { action, referral } = await story();
      const entries = await timelineAs('sam');
      const ours = entries.filter((entry) => entry.agency === agencyNames['care-coordination']);
      // The wording is the partnership's; the test holds it to the parties, the status and who acted.
      const referralStep = (status: string) =>
        expect.stringMatching(
          new RegExp(`Riverside Medical Centre to Community Links Social Prescribing\\b.*\\b${status}$`),
        );
      expect(ours).toContainEqual(
        expect.objectContaining({
          kind: 'REFERRAL',
          title: referralStep('sent'),
          detail: expect.stringMatching(/^Would like a cooking group/),
          provenance: expect.objectContaining({ recordedBy: 'Dr Priya Shah' }),
        }),
      );
      expect(ours).toContainEqual(
        expect.objectContaining({
          kind: 'REFERRAL',
          title: referralStep('accepted'),
          provenance: expect.objectContaining({ recordedBy: 'Amira Hassan' }),
        }),
      );
      expect(referral.service).toBe('Social prescribing');
      expect(ours).toContainEqual(
        expect.objectContaining({
          kind: 'PLAN_CHANGE',
          title: expect.stringContaining(`Action added: ${action.description}`),
          provenance: expect.objectContaining({ recordedBy: 'Rachel Green' }),
        }),
      );
      expect(ours).toContainEqual(
        expect.objectContaining({
          kind: 'PLAN_CHANGE',
          title: expect.stringMatching(/^About me updated by Margaret Taylor/),
          provenance: expect.objectContaining({ recordedBy: 'Margaret Taylor' }),
        }),
      );
      // Each agency answers for its own entries, each under its own policy.
      const agencies = new Set(entries.map((entry) => entry.agency));
      expect(agencies).toEqual(new Set(Object.values(agencyNames)));
      expect(entries.filter((entry) => entry.agency === agencyNames.health).map((entry) => entry.kind)).toContain(
        'ENCOUNTER',
      );
      const keys = entries.map((entry) => `${entry.occurredOn}|${entry.provenance.recordedAt}`);
      expect([...keys].sort().reverse()).toEqual(keys);
      expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    },
  );

  it('names an agency that refuses its part of the timeline, and still shows the others', async () => {
    await story();
    // Health shares consultations with no coordinator; social care and the voluntary sector share theirs.
    const { body } = await federation.query<{ person: { timeline: { edges: Array<{ node: TimelineNode }> } } }>(
      'coordinator',
      `query($n: NHSNumber!) { person(nhsNumber: $n) { timeline(first: 100) { edges { node { agency kind title } } }
        } }`,
      { n: sam },
    );
    expect(body.errors).toEqual([
      {
        message: `${agencyNames.health} does not share this part of the record with you.`,
        // Our gateway names it at the field built from the part (reportMissingParts); Hive Gateway at the part.
        path: ['person', engine === 'hive' ? 'healthTimeline' : 'timeline'],
        extensions: { code: 'FORBIDDEN', agency: agencyNames.health, serviceName: 'health' },
      },
    ]);
    const agencies = new Set(body.data!.person.timeline.edges.map((edge) => edge.node.agency));
    expect(agencies).toEqual(
      new Set([agencyNames['social-care'], agencyNames['voluntary-sector'], agencyNames['care-coordination']]),
    );
  });

  it("(g) records each step in the partnership's access log as a write by the person who made it", async () => {
    const { referralRequestId, acceptRequestId, action, aboutMe } = await story();
    const log = await accessLogAs('carer');
    const writes = (requestId: string) =>
      log
        .filter((event) => event.requestId === requestId && event.action === 'WRITE')
        .map(({ actorName, actorRole, organisation, categories }) => ({
          actorName,
          actorRole,
          organisation: organisation.name,
          categories,
        }));
    expect(writes(referralRequestId)).toEqual([
      { actorName: 'Dr Priya Shah', actorRole: 'gp', organisation: 'Riverside Medical Centre', categories: ['refer'] },
    ]);
    expect(writes(acceptRequestId)).toEqual([
      {
        actorName: 'Amira Hassan',
        actorRole: 'link-worker',
        organisation: 'Community Links Social Prescribing',
        categories: ['referral-response'],
      },
    ]);
    expect(writes(action.requestId)).toEqual([
      {
        actorName: 'Rachel Green',
        actorRole: 'care-coordinator',
        organisation: 'Riverside Place Partnership',
        categories: ['plan-contribution'],
      },
    ]);
    expect(writes(aboutMe.requestId)).toEqual([
      { actorName: 'Margaret Taylor', actorRole: 'carer', organisation: 'Citizen access', categories: ['about-me'] },
    ]);
    // The reads around them are there too: the care worker reading the plan she supports.
    expect(log).toContainEqual(
      expect.objectContaining({ action: 'READ', actorName: 'Lucy Evans', categories: ['care-plan'] }),
    );
  });

  it(
    'refuses a plan change made against a stale version with ' +
      'CONFLICT and the current version, and changes nothing',
    async () => {
      const { version } = await readPlan('coordinator');
      const { status, body } = await federation.query('coordinator', addCarePlanGoal, {
        input: {
          nhsNumber: sam,
          idempotencyKey: key(),
          expectedVersion: version - 1,
          description: 'Learn to cook three meals on my own.',
        },
      });
      expect(status).toBe(200);
      // Hive Gateway leaves out the `data` that the GraphQL spec makes null when a non-null root field fails.
      expect(engine === 'hive' ? (body.data ?? null) : body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({
        path: ['addCarePlanGoal'],
        extensions: {
          code: 'CONFLICT',
          currentVersion: version,
          argumentName: 'input.expectedVersion',
          serviceName: 'care-coordination',
        },
      });
      const after = await readPlan('coordinator');
      expect(after.version).toBe(version);
      expect(after.goals.map((goal) => goal.description)).not.toContain('Learn to cook three meals on my own.');
    },
  );

  it(
    'answers a retry with the same idempotency key with the first ' + 'result, replayed, without a second change',
    async () => {
      const { version } = await readPlan('coordinator');
      const input = {
        nhsNumber: sam,
        idempotencyKey: key(),
        expectedVersion: version,
        description: 'Make a friend at climbing I can text.',
      };
      type Added = {
        addCarePlanGoal: { replayed: boolean; carePlan: { version: number; goals: Array<{ description: string }> } };
      };
      const first = await succeed<Added>('coordinator', addCarePlanGoal, { input });
      expect(first.data.addCarePlanGoal).toMatchObject({ replayed: false, carePlan: { version: version + 1 } });
      const retry = await succeed<Added>('coordinator', addCarePlanGoal, { input });
      expect(retry.data.addCarePlanGoal).toMatchObject({ replayed: true, carePlan: { version: version + 1 } });
      const after = await readPlan('coordinator');
      expect(after.version).toBe(version + 1);
      expect(after.goals.filter((goal) => goal.description === input.description)).toHaveLength(1);
    },
  );

  it(
    'resolves each member of the care team through the agency ' + 'that employs them, and the carer as a person',
    async () => {
      const before = federation.statementCounts();
      const { data } = await succeed<{ person: { careTeam: Array<Record<string, unknown>> } }>(
        'coordinator',
        `query($n: NHSNumber!) { person(nhsNumber: $n) { careTeam {
        id role isCoordinator carerRelationship
        clinician { name email phone } socialCareWorker { name phone } voluntarySectorWorker { name
          } partnershipWorker { name } carer { name { full } }
      } } }`,
        { n: sam },
      );
      const after = federation.statementCounts();
      const member = (
        id: string,
        role: string,
        worker: Record<string, unknown> = {},
        extra: Record<string, unknown> = {},
      ) => ({
        id,
        role,
        isCoordinator: false,
        carerRelationship: null,
        clinician: null,
        socialCareWorker: null,
        voluntarySectorWorker: null,
        partnershipWorker: null,
        carer: null,
        ...worker,
        ...extra,
      });
      const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a['id']).localeCompare(String(b['id']));
      expect([...data.person.careTeam].sort(byId)).toEqual(
        [
          member(
            'sam-team-coordinator',
            'Named care coordinator',
            { partnershipWorker: { name: 'Rachel Green' } },
            { isCoordinator: true },
          ),
          member('sam-team-gp', 'Named GP', {
            clinician: { name: 'Dr Priya Shah', email: 'priya.shah@demop1.example.nhs.uk', phone: '01632 960101' },
          }),
          member('sam-team-diabetes-nurse', 'Diabetes specialist nurse', {
            clinician: { name: 'Tom Hughes', email: 'tom.hughes@democ1.example.nhs.uk', phone: '01632 960201' },
          }),
          member('sam-team-community-matron', 'Community matron', {
            clinician: { name: 'Helen Price', email: 'helen.price@democ1.example.nhs.uk', phone: '01632 960202' },
          }),
          member('sam-team-social-worker', 'Allocated social worker', {
            socialCareWorker: { name: 'Daniel Moore', phone: '01632 960301' },
          }),
          member('sam-team-lead-support-worker', 'Lead support worker, Oakfield Supported Living', {
            socialCareWorker: { name: 'Lucy Evans', phone: '01632 960401' },
          }),
          member('sam-team-support-worker', 'Support worker, Oakfield Supported Living', {
            socialCareWorker: { name: 'Mark Jones', phone: expect.stringMatching(/^01632 /) },
          }),
          member('sam-team-link-worker', 'Social prescribing link worker', {
            voluntarySectorWorker: { name: 'Amira Hassan' },
          }),
          member(
            'sam-team-mother',
            'Main unpaid carer',
            { carer: { name: { full: 'Margaret Taylor' } } },
            { carerRelationship: 'Mother' },
          ),
        ].sort(byId),
      );
      // The partnership holds only references: each name was looked up by the agency that employs them.
      for (const agency of ['health', 'social-care', 'voluntary-sector', 'care-coordination'])
        expect(after[agency]! - before[agency]!, agency).toBeGreaterThan(0);
    },
  );

  it('names Rachel Green as his coordinator', async () => {
    const { data } = await succeed<{ person: { careCoordinator: unknown } }>(
      'sam',
      `query($n: NHSNumber!) { person(nhsNumber: $n) { careCoordinator { id role isCoordinator sector
        organisation { name } partnershipWorker { name jobTitle } } } }`,
      { n: sam },
    );
    expect(data.person.careCoordinator).toEqual({
      id: 'sam-team-coordinator',
      role: 'Named care coordinator',
      isCoordinator: true,
      sector: 'care-coordination',
      organisation: { name: 'Riverside Place Partnership' },
      partnershipWorker: { name: 'Rachel Green', jobTitle: expect.stringMatching(/coordinator/i) },
    });
  });

  it("flags the insulin gap from social care's own record of the care workers' sign-offs", async () => {
    const query = `query($n: NHSNumber!) { person(nhsNumber: $n) { skillCoverage { skill gap checked workers { worker {
                    id name } holdsSkill } } } }`;
    type Coverage = {
      person: {
        skillCoverage: Array<{
          skill: string;
          gap: boolean;
          checked: boolean;
          workers: Array<{ worker: { id: string; name: string }; holdsSkill: boolean }>;
        }>;
      };
    };
    const { data } = await succeed<Coverage>('coordinator', query, { n: sam });
    const insulin = data.person.skillCoverage.find((need) => need.skill === 'Insulin administration');
    expect(insulin).toMatchObject({ gap: true, checked: true });
    expect([...insulin!.workers].sort((a, b) => a.worker.id.localeCompare(b.worker.id))).toEqual([
      { worker: { id: 'w-cw-evans', name: 'Lucy Evans' }, holdsSkill: true },
      { worker: { id: 'w-cw-jones', name: 'Mark Jones' }, holdsSkill: false },
    ]);
    // Social care shares the assignments with no link worker: the check cannot be made, says so,
    // and social care is named as the agency that withheld them.
    const { body } = await federation.query<Coverage>('link-worker', query, { n: sam });
    expect(body.data!.person.skillCoverage.find((need) => need.skill === 'Insulin administration')).toMatchObject({
      checked: false,
      gap: false,
      workers: [],
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['person', engine === 'hive' ? 'careWorkers' : 'skillCoverage'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN', serviceName: 'social-care' }),
      }),
    ]);
  });

  it('shows a colleague whose practice is party to a referral only the referrals it sent or received', async () => {
    await story();
    const other = await succeed<{ sendReferral: { referral: Referral } }>('coordinator', sendReferral, {
      input: {
        nhsNumber: sam,
        idempotencyKey: key(),
        toOrganisationCode: 'DEMOV2',
        service: 'Peer support',
        reason: 'Sam would like to meet others who manage type 1 diabetes.',
      },
    });
    const query = `query($n: NHSNumber!) { person(nhsNumber: $n) { coordinationReferrals { id service fromOrganisation
                    { code } toOrganisation { code } } } }`;
    type Referrals = {
      person: {
        coordinationReferrals: Array<{
          id: string;
          service: string;
          fromOrganisation: { code: string };
          toOrganisation: { code: string };
        }>;
      };
    };
    const nurse = (await succeed<Referrals>('practice-nurse', query, { n: sam })).data.person.coordinationReferrals;
    expect(nurse.map((referral) => referral.id)).toEqual(
      expect.arrayContaining(['sam-referral-social-care', (await story()).referral.id]),
    );
    expect(nurse.map((referral) => referral.id)).not.toContain(other.data.sendReferral.referral.id);
    for (const referral of nurse)
      expect([referral.fromOrganisation.code, referral.toOrganisation.code]).toContain('DEMOP1');
    // The GP, on the care team, sees every referral.
    const gp = (await succeed<Referrals>('gp', query, { n: sam })).data.person.coordinationReferrals;
    expect(gp.map((referral) => referral.id)).toContain(other.data.sendReferral.referral.id);
  });

  it('audited every answer of person data this suite received, in each agency that answered', async () => {
    await story();
    const { checked, missing } = await federation.unauditedReads();
    // The story alone reads the plan three times and the worklist's names from health.
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(missing).toEqual([]);
  });

  /** Every entry of Sam's timeline as a user sees it, page by page. */
  async function timelineAs(user: string): Promise<TimelineNode[]> {
    const entries: TimelineNode[] = [];
    let after: string | null = null;
    do {
      type Page = {
        person: {
          timeline: {
            edges: Array<{ node: TimelineNode }>;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        };
      };
      const { data }: { data: Page } = await succeed<Page>(
        user,
        `query($n: NHSNumber!, $after: String) { person(nhsNumber: $n) { timeline(first: 100, after: $after) {
          edges { node { id occurredOn kind title detail agency provenance { recordedBy recordedAt }
            } } pageInfo { hasNextPage endCursor } } } }`,
        { n: sam, after },
      );
      entries.push(...data.person.timeline.edges.map((edge) => edge.node));
      after = data.person.timeline.pageInfo.hasNextPage ? data.person.timeline.pageInfo.endCursor : null;
    } while (after);
    return entries;
  }

  /** Every event of Sam's care-coordination access log as a user sees it, page by page. */
  async function accessLogAs(user: string): Promise<AccessEvent[]> {
    const events: AccessEvent[] = [];
    let after: string | null = null;
    do {
      type Page = {
        person: {
          careCoordinationAccessLog: {
            edges: Array<{ node: AccessEvent }>;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        };
      };
      const { data }: { data: Page } = await succeed<Page>(
        user,
        `query($n: NHSNumber!, $after: String) { person(nhsNumber: $n) { careCoordinationAccessLog(first:
          100, after: $after) {
          edges { node { requestId action actorName actorRole organisation { name } categories } }
            pageInfo { hasNextPage endCursor } } } }`,
        { n: sam, after },
      );
      events.push(...data.person.careCoordinationAccessLog.edges.map((edge) => edge.node));
      after = data.person.careCoordinationAccessLog.pageInfo.hasNextPage
        ? data.person.careCoordinationAccessLog.pageInfo.endCursor
        : null;
    } while (after);
    return events;
  }
});
