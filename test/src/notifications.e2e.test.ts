import { randomUUID } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const sam = '9990000018';
const admit = /* GraphQL */ `
  mutation Admit($input: HospitalAdmissionRecordInput!) {
    recordHospitalAdmission(input: $input) {
      admission {
        id
      }
    }
  }
`;
// What a care worker's screen subscribes to: what happened, and what the hospital lets her see of it.
const live = /* GraphQL */ `
  subscription Live {
    notification: myNotifications {
      id
      kind
      summary
      reason
      recordId
      person {
        nhsNumber
        hospitalAdmissions {
          id
          ward
          wardPhone
        }
        hospitalDiagnoses {
          code {
            display
          }
        }
      }
    }
  }
`;
type Result = {
  data?: { notification?: Record<string, unknown> & { person: Record<string, unknown> } } | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
};

/** The first answer of a subscription over WebSocket, once `started` says the socket is subscribed. */
function firstOverWebSocket(client: Client, query: string) {
  let resolve!: (result: Result) => void;
  let reject!: (error: unknown) => void;
  const first = new Promise<Result>((ok, fail) => ([resolve, reject] = [ok, fail]));
  const dispose = client.subscribe(
    { query },
    { next: (result) => resolve(result as Result), error: reject, complete: () => reject(new Error('completed')) },
  );
  return { first, dispose };
}

/** The first `next` event of a subscription over Server-Sent Events. */
async function firstOverEventStream(url: string, token: string | undefined, query: string, signal: AbortSignal) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
    signal,
  });
  if (response.headers.get('content-type')?.startsWith('application/json')) {
    return { status: response.status, result: (await response.json()) as Result };
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before an event: ${text}`);
    text += value;
    const event = /event: next\ndata: (.*)\n\n/.exec(text);
    if (event) return { status: response.status, result: JSON.parse(event[1]!) as Result };
  }
}

describe('notifications reach the care team live, and wait in their inbox', () => {
  let test: TestFederation;
  let wsUrl: string;
  beforeAll(async () => {
    test = await startFederationForTest({ people: 60 });
    wsUrl = test.gatewayUrl.replace(/^http/, 'ws');
  });
  afterAll(() => test?.stop());

  const record = async () => {
    const { body } = await test.query<{ recordHospitalAdmission: { admission: { id: string } } }>('ward-nurse', admit, {
      input: {
        idempotencyKey: `admit-${randomUUID()}`,
        nhsNumber: sam,
        method: 'Emergency',
        ward: 'Ward 7, Acute Medical Unit, Riverside General Hospital',
        wardPhone: '01632 960857',
        consultant: 'Dr Olivia Grant',
        reason: { code: '302866003', display: 'Hypoglycaemia' },
      },
    });
    expect(body.errors).toBeUndefined();
    return body.data!.recordHospitalAdmission.admission.id;
  };

  it("tells Sam's care worker by WebSocket, his mother by SSE, each shown what the hospital allows", async () => {
    const careWorker = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await test.tokenFor('care-worker')}` },
      retryAttempts: 0,
    });
    const connected = new Promise((resolve) => careWorker.on('connected', resolve));
    const overSocket = firstOverWebSocket(careWorker, live);
    await connected;
    const aborting = new AbortController();
    const overStream = firstOverEventStream(test.gatewayUrl, await test.tokenFor('carer'), live, aborting.signal);
    // The subscriptions are registered once their first message is in; the admission follows.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const admissionId = await record();
    try {
      const told = await overSocket.first;
      expect(told.data?.notification).toMatchObject({
        kind: 'hospital.admission',
        summary: 'Admitted to hospital',
        reason: 'CARE_TEAM',
        recordId: admissionId,
        person: { nhsNumber: sam, hospitalDiagnoses: null },
      });
      // Which ward, and whom to call: the hospital's answer, under its policy, for her.
      expect(told.data?.notification?.person['hospitalAdmissions']).toEqual(
        expect.arrayContaining([
          {
            id: admissionId,
            ward: 'Ward 7, Acute Medical Unit, Riverside General Hospital',
            wardPhone: '01632 960857',
          },
        ]),
      );
      // Not the diagnosis: refused by the hospital, at its path, naming it.
      expect(told.errors).toEqual([
        expect.objectContaining({
          path: ['notification', 'person', 'hospitalDiagnoses'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN', serviceName: 'hospital' }),
        }),
      ]);
      const { status, result } = await overStream;
      expect(status).toBe(200);
      expect(result.data?.notification).toMatchObject({
        kind: 'hospital.admission',
        reason: 'CARER',
        recordId: admissionId,
      });
    } finally {
      overSocket.dispose();
      aborting.abort();
      await careWorker.dispose();
    }
  });

  it('keeps what was missed in the inbox: unread until marked, marked once, for its owner alone', async () => {
    const admissionId = await record();
    const inbox = /* GraphQL */ `
      query Inbox {
        myNotifications(unreadOnly: true, first: 50) {
          unreadCount
          edges {
            node {
              id
              recordId
              readAt
            }
          }
        }
      }
    `;
    type Inbox = { myNotifications: { unreadCount: number; edges: Array<{ node: Record<string, string | null> }> } };
    let mine: Record<string, string | null> | undefined;
    for (let tries = 0; !mine && tries < 100; tries++) {
      const { body } = await test.query<Inbox>('care-worker', inbox);
      mine = body.data?.myNotifications.edges.find((edge) => edge.node['recordId'] === admissionId)?.node;
      if (!mine) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(mine).toMatchObject({ readAt: null });
    const before = (await test.query<Inbox>('care-worker', inbox)).body.data!.myNotifications.unreadCount;
    const mark = `mutation Mark($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id readAt } }`;
    type Marked = { markNotificationsRead: Array<{ id: string; readAt: string }> };
    const first = await test.query<Marked>('care-worker', mark, { ids: [mine!['id']] });
    const again = await test.query<Marked>('care-worker', mark, { ids: [mine!['id']] });
    expect(first.body.data?.markNotificationsRead).toHaveLength(1);
    expect(again.body.data?.markNotificationsRead).toEqual(first.body.data?.markNotificationsRead);
    const after = (await test.query<Inbox>('care-worker', inbox)).body.data!.myNotifications;
    expect(after.unreadCount).toBe(before - 1);
    expect(after.edges.some((edge) => edge.node['id'] === mine!['id'])).toBe(false);
    // Someone else's notification is not there for another caller, read or marked.
    const theirs = await test.query<{ myNotification: unknown }>(
      'carer',
      `query ($id: ID!) { myNotification(id: $id) { id } }`,
      { id: mine!['id'] },
    );
    expect(theirs.body.data?.myNotification).toBeNull();
    expect((await test.query<Marked>('carer', mark, { ids: [mine!['id']] })).body.data?.markNotificationsRead).toEqual(
      [],
    );
  });

  /** The caller's notification about a record, read once care coordination has delivered it, with what it is about. */
  const inboxEntry = async (as: string, recordId: string, kind: string, personFields: string) => {
    const inbox = `query Inbox { myNotifications(first: 50) { edges { node { id kind recordId } } } }`;
    type Inbox = { myNotifications: { edges: Array<{ node: Record<string, string> }> } };
    for (let tries = 0; tries < 100; tries++) {
      const { body } = await test.query<Inbox>(as, inbox);
      const id = body.data?.myNotifications.edges.find(
        (edge) => edge.node['recordId'] === recordId && edge.node['kind'] === kind,
      )?.node['id'];
      if (id) {
        const one = await test.query<{ myNotification: Record<string, unknown> }>(
          as,
          `query One($id: ID!) { myNotification(id: $id) { kind summary reason person { ${personFields} } } }`,
          { id },
        );
        return { node: one.body.data!.myNotification, errors: one.body.errors };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${as} was not told of ${kind} ${recordId}`);
  };

  it("tells the team Sam's mother cannot care, each reading the contingency plan as allowed", async () => {
    const declared = await test.query<{ declareCarerCannotCare: { carePlan: { id: string; planInForce: string } } }>(
      'carer',
      `mutation Declare($input: CareCoordinationDeclareCarerCannotCareInput!) {
        declareCarerCannotCare(input: $input) { carePlan { id planInForce } } }`,
      {
        input: {
          nhsNumber: sam,
          idempotencyKey: `declare-${randomUUID()}`,
          reason: 'I have been taken into hospital.',
        },
      },
    );
    expect(declared.body.errors).toBeUndefined();
    const planId = declared.body.data!.declareCarerCannotCare.carePlan.id;
    const fields = `carePlan { planInForce carerUnavailability { reason } contingencyPlan { whatToDo whoToContact } }
      hospitalDiagnoses { code { display } }`;
    const kind = 'care-coordination.carer-cannot-care';
    const careWorker = await inboxEntry('care-worker', planId, kind, fields);
    const mother = await inboxEntry('carer', planId, kind, fields);
    const coordinator = await inboxEntry('coordinator', planId, kind, fields);
    const contingency = {
      planInForce: 'CONTINGENCY',
      carerUnavailability: { reason: 'I have been taken into hospital.' },
      contingencyPlan: {
        whatToDo: expect.stringMatching(/\w/),
        whoToContact: expect.arrayContaining(['Rachel Green, care coordinator: 01632 960601']),
      },
    };
    expect(careWorker.node).toMatchObject({
      summary: 'The carer cannot care: the contingency plan is in force',
      reason: 'CARE_TEAM',
      person: { carePlan: contingency, hospitalDiagnoses: null },
    });
    expect(coordinator.node).toMatchObject({ reason: 'COORDINATOR', person: { carePlan: contingency } });
    // His mother reads it as the carer Sam delegated to: the same plan, which the team works to now.
    expect(mother.node).toMatchObject({ reason: 'CARER', person: { carePlan: contingency } });
    const whatToDo = (entry: typeof careWorker) =>
      (entry.node['person'] as { carePlan: { contingencyPlan: { whatToDo: string } } }).carePlan.contingencyPlan
        .whatToDo;
    expect(whatToDo(mother)).toBe(whatToDo(careWorker));
    // The care worker is not shown Sam's diagnoses: refused by the hospital, at its path, naming it.
    expect(careWorker.errors).toEqual([
      expect.objectContaining({
        path: ['myNotification', 'person', 'hospitalDiagnoses'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN', serviceName: 'hospital' }),
      }),
    ]);
    // Nor, with what Sam delegated to her, his hospital diagnoses.
    expect(mother.node).toMatchObject({ person: { hospitalDiagnoses: null } });
    expect(mother.errors).toEqual([
      expect.objectContaining({
        path: ['myNotification', 'person', 'hospitalDiagnoses'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN', serviceName: 'hospital' }),
      }),
    ]);
  });

  it("tells Sam's care worker of a service his social worker starts, shown as the council allows", async () => {
    const started = await test.query<{ startSocialCareService: { service: { id: string } } }>(
      'social-worker',
      `mutation Start($input: SocialCareStartServiceInput!) {
        startSocialCareService(input: $input) { service { id } } }`,
      {
        input: {
          nhsNumber: sam,
          idempotencyKey: `service-${randomUUID()}`,
          serviceType: 'Short Term Support: Other Short Term',
          serviceComponent: 'Short Term Residential Care',
          providerCode: 'DEMOSL1',
          startDate: new Date().toISOString().slice(0, 10),
        },
      },
    );
    expect(started.body.errors).toBeUndefined();
    const serviceId = started.body.data!.startSocialCareService.service.id;
    const fields = `socialCareServices { id serviceComponent { code } provider { name } endDate }
      careActAssessments { id }`;
    const told = await inboxEntry('care-worker', serviceId, 'social-care.service-started', fields);
    expect(told.node).toMatchObject({ summary: 'A social care service started', reason: 'CARE_TEAM' });
    const person = told.node['person'] as { socialCareServices: Array<Record<string, unknown>> };
    expect(person.socialCareServices).toEqual(
      expect.arrayContaining([
        {
          id: serviceId,
          serviceComponent: { code: 'Short Term Residential Care' },
          provider: { name: 'Oakfield Supported Living' },
          endDate: null,
        },
      ]),
    );
    // Not the Care Act assessments: the council keeps those from a care worker.
    expect(told.errors).toEqual([
      expect.objectContaining({
        path: ['myNotification', 'person', 'careActAssessments'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN', serviceName: 'social-care' }),
      }),
    ]);
  });

  it('refuses a subscriber without a valid token, and queries sent over the socket', async () => {
    const closed = await new Promise<number>((resolve) => {
      const anonymous = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
      anonymous.on('closed', (event) => {
        resolve((event as { code: number }).code);
        void anonymous.dispose();
      });
    });
    expect(closed).toBe(4403);
    const aborting = new AbortController();
    const refused = await firstOverEventStream(test.gatewayUrl, 'not-a-token', live, aborting.signal);
    expect(refused.status).toBe(401);
    expect(refused.result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await test.tokenFor('care-worker')}` },
      retryAttempts: 0,
    });
    const query = firstOverWebSocket(client, '{ myNotifications { unreadCount } }');
    await expect(query.first).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) }),
    ]);
    await client.dispose();
  });
});
