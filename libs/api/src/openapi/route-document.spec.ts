import 'reflect-metadata';
import { defineRoutes, ProjectRoutes, ROUTE_CATALOGUE, Role } from '@khoinghiep/contracts';
import { routesDocument } from './route-document.js';

interface Parameter {
  name: string;
  in: string;
  schema: { type?: string };
}

describe('routesDocument', () => {
  const document = routesDocument(ROUTE_CATALOGUE, '/api/v1');
  const operation = (path: string, method: string) =>
    document.paths[path]?.[method] as Record<string, unknown>;
  const problem = {
    'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDocument' } },
  };

  it('derives body schemas from the class-validator rules, with @Doc words and examples', () => {
    const body = document.schemas.CreateProjectDto;
    expect(body?.required).toEqual(expect.arrayContaining(['title', 'fundingAsk', 'teamSize']));
    expect(body?.required).not.toContain('website');
    expect(body).toMatchObject({
      additionalProperties: false,
      properties: {
        teamSize: { type: 'integer', minimum: 1, maximum: 10000, example: 6 },
        fundingAsk: { type: 'string', pattern: '^(0|[1-9][0-9]{0,14})$' },
        title: { description: 'Tên dự án / Project title' },
        website: { format: 'uri', nullable: true },
        provinceCode: { enum: expect.arrayContaining(['01', '79']) },
      },
    });
  });

  it('keeps a view field that may be null required, and lets its enum hold null', () => {
    const view = document.schemas.ProjectView;
    expect(view?.required).toEqual(expect.arrayContaining(['certificationLevel', 'publishedAt']));
    expect(view).toMatchObject({
      properties: {
        certificationLevel: { nullable: true, enum: expect.arrayContaining([null]) },
        publishedAt: { type: 'string', format: 'date-time', nullable: true },
      },
    });
    expect(document.schemas.ProjectHistoryEntryView?.properties?.actor).toEqual({
      allOf: [{ $ref: '#/components/schemas/HistoryActorView' }],
      description: 'Ai thực hiện / Who did it',
    });
    expect(document.schemas.HistoryActorView).toBeDefined();
  });

  it('documents a field that must be present (@IsDefined) as required, without the non-OpenAPI `not`', () => {
    const body = document.schemas.RecordMatchWeightsDto;
    expect(body?.required).toContain('points');
    expect(body?.properties?.points).not.toHaveProperty('not');
  });

  it('lists a query class as one parameter per field, and pages as items plus nextCursor', () => {
    const list = operation('/api/v1/projects', 'get');
    const parameters = list.parameters as Parameter[];
    expect(parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['q', 'sector', 'cursor', 'limit']),
    );
    expect(parameters.find((parameter) => parameter.name === 'sector')?.schema.type).toBe('array');
    expect(list).toMatchObject({
      responses: {
        200: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ProjectViewPage' } } },
        },
      },
    });
    expect(document.schemas.ListProjectsQueryDto).toBeUndefined();
  });

  it('keeps null out of the enum of an optional single-valued query parameter (absence leaves it out)', () => {
    const parameters = operation('/api/v1/funding/rules', 'get').parameters as (Parameter & {
      schema: { enum?: unknown[] };
    })[];
    const kind = parameters.find((parameter) => parameter.name === 'kind');
    expect(kind?.schema.enum).toContain('support_ceiling');
    expect(kind?.schema.enum).not.toContain(null);
  });

  it('documents access: the bearer scheme, 401 and 403 for roles, `security: []` when public', () => {
    const create = operation('/api/v1/projects', 'post');
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(create.responses as object)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '413']),
    );
    expect(create).toMatchObject({ responses: { 201: { headers: { Location: expect.any(Object) } } } });
    const provinces = operation('/api/v1/reference/provinces', 'get');
    expect(provinces.security).toEqual([]);
    expect(provinces.responses).not.toHaveProperty('401');
  });

  it('answers problems as application/problem+json, their codes named', () => {
    const update = operation('/api/v1/projects/{id}', 'patch');
    expect(update).toMatchObject({
      operationId: ProjectRoutes.updateProject.operationId,
      responses: {
        409: { description: expect.stringContaining('PROJECT_ILLEGAL_TRANSITION'), content: problem },
        428: { content: problem },
      },
    });
    expect(update.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } }),
        expect.objectContaining({ name: 'If-Match', in: 'header', required: false }),
      ]),
    );
  });

  it('says a money route needs the second factor: in its words, an extension and its 403 problem', () => {
    const { decide } = defineRoutes(
      { service: 'funding', tag: 'money' },
      {
        decide: {
          ...ProjectRoutes.submitProject,
          access: [Role.FundApprover],
          secondFactor: true,
        },
      },
    );
    const money = routesDocument([decide], '/api/v1').paths[`/api/v1${decide.path.replace(':id', '{id}')}`]
      ?.post as Record<string, unknown> & { responses: Record<string, { description: string }> };
    expect(money['x-second-factor-required']).toBe(true);
    expect(money.description).toContain('Requires an access token issued with the second factor');
    expect(money.responses['403']?.description).toContain('SECOND_FACTOR_REQUIRED');
    expect(money.responses['403']?.description).toContain('FORBIDDEN_ROLE');
    const plain = operation(`/api/v1${ProjectRoutes.submitProject.path.replace(':id', '{id}')}`, 'post');
    expect(plain['x-second-factor-required']).toBeUndefined();
  });

  it('documents both answers of a PUT that creates or replaces: 200 and 201, the same view', () => {
    const { putThing } = defineRoutes(
      { service: 'matching', tag: 'things' },
      {
        putThing: {
          method: 'PUT',
          path: '/things/me',
          body: ProjectRoutes.createProject.body,
          response: {
            status: 200,
            view: ProjectRoutes.createProject.response.view,
            headers: ['ETag', 'Location'],
            doc: { vi: 'Đã thay', en: 'Replaced' },
            created: { vi: 'Đã tạo', en: 'Created' },
          },
          access: [Role.Investor],
          problems: [],
          summary: { vi: 'Tạo hoặc thay', en: 'Create or replace' },
        },
      },
    );
    const put = routesDocument([putThing], '/api/v1').paths['/api/v1/things/me']?.put as {
      responses: Record<string, { description: string; content: unknown; headers: object }>;
    };
    expect(put.responses['200']?.description).toBe('Đã thay / Replaced');
    expect(put.responses['201']?.description).toBe('Đã tạo / Created');
    expect(put.responses['201']?.content).toEqual(put.responses['200']?.content);
    expect(put.responses['201']?.headers).toHaveProperty('Location');
  });

  it('documents Idempotency-Key as required on a money command, and a CSV export as text/csv', () => {
    const reversal = operation('/api/v1/funding/ledger/transactions/{id}/reversal', 'post');
    expect(reversal.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
      ]),
    );
    expect(Object.keys(reversal.responses as object)).toEqual(expect.arrayContaining(['400', '422']));
    const csv = operation('/api/v1/funding/ledger/trial-balance/csv', 'get');
    expect(csv.responses).toMatchObject({
      '200': {
        content: { 'text/csv': { schema: { type: 'string' } } },
        headers: { 'Content-Disposition': {} },
      },
    });
  });
});
