import { eventually } from '@khoinghiep/testing';
import type request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { type Actor, admin, api, expectStatus, publishedProject } from './projects.support.js';

const DAY = 86_400_000;

/**
 * Drafts an application as `founder` once funding has learnt the project from `projects.events` (until then it
 * answers 409 APPLICATION_PROJECT_UNKNOWN); answers the first other response.
 */
export function applyWhenKnown(founder: Actor, payload: object): Promise<request.Response> {
  return eventually(
    'funding to learn the project from projects.events',
    async () => {
      const response = await api()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(payload);
      return response.body?.code !== 'APPLICATION_PROJECT_UNKNOWN' && response;
    },
    30_000,
    100,
  );
}

/** A money command (it needs an Idempotency-Key; a fresh one unless `key` is given). */
export function money(actor: Actor, path: string, body: object, key: string = uuidv7()) {
  return api().post(`/api/v1${path}`).set('authorization', actor.auth).set('idempotency-key', key).send(body);
}

/** An admin gives `approver` an approval limit per decision (financial delegation). */
export async function setApprovalLimit(approver: Actor, limit: string): Promise<void> {
  await expectStatus(
    api()
      .post(`/api/v1/funding/approval-limits/${approver.id}`)
      .set('authorization', (await admin()).auth)
      .send({ limit, reason: 'Quyết định uỷ quyền 12/QĐ-UBND' }),
    201,
  );
}

/**
 * A local khuyến công fund of Đắk Lắk with one call open today for `categories` (first come, a published project
 * required, unless `terms` says otherwise); answers the call id.
 */
export async function openCall(
  officer: Actor,
  budget: string,
  categories: string[],
  terms: Record<string, unknown> = {},
): Promise<string> {
  const fund = await expectStatus(
    api()
      .post('/api/v1/funding/funds')
      .set('authorization', officer.auth)
      .send({
        kind: 'khuyen_cong_local',
        name: 'Khuyến công địa phương Đắk Lắk',
        ownerAgency: 'Sở Công Thương Đắk Lắk',
        provinceCode: '66',
        capital: [{ source: 'provincial_budget', amount: '5000000000' }],
      }),
    201,
  );
  const call = await expectStatus(
    api()
      .post('/api/v1/funding/calls')
      .set('authorization', officer.auth)
      .send({
        fundId: fund.body.id,
        fiscalYear: 2026,
        title: `Khuyến công 2026 ${uuidv7().slice(-8)}`,
        budget,
        supportCategories: categories,
        eligibility: { publishedProjectRequired: true },
        allocationRule: 'first_come',
        appraisalRubric: {
          criteria: [{ code: 'impact', label: 'Hiệu quả', weight: 100 }],
          scale: { min: 1, max: 5 },
        },
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        ...terms,
      }),
    201,
  );
  await expectStatus(
    api()
      .post(`/api/v1/funding/calls/${call.body.id}/open`)
      .set('authorization', officer.auth)
      .set('if-match', call.headers.etag as string)
      .send({}),
    200,
  );
  return call.body.id as string;
}

export interface BudgetLine {
  category: string;
  description?: string;
  cost: string;
  requested: string;
  ownContribution: string;
}

/**
 * `founder` publishes a project (reviewed by `programmeOfficer`), applies to `callId` with one budget line, and
 * submits; answers the application id.
 */
export async function submittedApplication(
  founder: Actor,
  programmeOfficer: Actor,
  callId: string,
  line: BudgetLine,
  projectOverrides: Record<string, unknown> = {},
): Promise<string> {
  const project = await publishedProject(founder, programmeOfficer, projectOverrides);
  const created = await expectStatus(
    applyWhenKnown(founder, {
      callId,
      projectId: project.id,
      applicantKind: 'rural_industry',
      businessRegisteredOn: '2021-03-02',
      priorityGroups: [],
      budgetLines: [{ description: 'Máy rang cà phê 15 kg/mẻ', ...line }],
      coFinancing: { central: '0', provincial: line.requested, own: line.ownContribution },
      attachments: [],
    }),
    201,
  );
  await expectStatus(
    api()
      .post(`/api/v1/funding/applications/${created.body.id}/submit`)
      .set('authorization', founder.auth)
      .set('if-match', created.headers.etag as string)
      .send({}),
    200,
  );
  return created.body.id as string;
}
