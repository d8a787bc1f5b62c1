import 'reflect-metadata';
import { CreateProjectDto, ProjectView, Role } from '../index.js';
import { defineRoutes, pathParamNames, type RouteSpec } from './define-route.js';

const spec = (overrides: Partial<RouteSpec>): RouteSpec => ({
  method: 'GET',
  path: '/things',
  response: { status: 200, view: { one: ProjectView }, doc: { vi: 'Nó', en: 'It' } },
  access: 'signed-in',
  problems: [],
  summary: { vi: 'Xem', en: 'Read' },
  ...overrides,
});

describe('defineRoutes', () => {
  it('names each route by its key and scopes it to its service and tag', () => {
    const routes = defineRoutes({ service: 'projects', tag: 'things' }, { readThing: spec({}) });
    expect(routes.readThing).toMatchObject({ operationId: 'readThing', service: 'projects', tag: 'things' });
    expect(Object.isFrozen(routes.readThing)).toBe(true);
  });

  it('refuses path parameters that are not declared, or declared and not in the path', () => {
    expect(() =>
      defineRoutes({ service: 'projects', tag: 't' }, { a: spec({ path: '/things/:id' }) }),
    ).toThrow('path /things/:id has parameters [id] but declares []');
    const id = { id: { format: 'uuid', doc: { vi: 'Mã', en: 'Id' } } } as const;
    expect(() => defineRoutes({ service: 'projects', tag: 't' }, { a: spec({ params: id }) })).toThrow(
      'declares [id]',
    );
  });

  it('refuses a body on GET', () => {
    expect(() =>
      defineRoutes({ service: 'projects', tag: 't' }, { a: spec({ body: CreateProjectDto }) }),
    ).toThrow('GET has no body');
  });

  it('keeps the second-factor flag of a money route, and refuses it on a public route', () => {
    const routes = defineRoutes(
      { service: 'funding', tag: 't' },
      { decide: spec({ method: 'POST', access: [Role.FundApprover], secondFactor: true }) },
    );
    expect(routes.decide.secondFactor).toBe(true);
    expect(() =>
      defineRoutes({ service: 'funding', tag: 't' }, { a: spec({ access: 'public', secondFactor: true }) }),
    ).toThrow('a public route cannot require the second factor');
  });

  it('lets only a PUT answering 200 on replacement also answer 201 on creation', () => {
    const created = { vi: 'Đã tạo', en: 'Created' };
    const putResponse = {
      status: 200,
      view: { one: ProjectView },
      doc: { vi: 'Nó', en: 'It' },
      created,
    } as const;
    expect(
      defineRoutes({ service: 'matching', tag: 't' }, { a: spec({ method: 'PUT', response: putResponse }) }).a
        .response.created,
    ).toEqual(created);
    expect(() =>
      defineRoutes({ service: 'matching', tag: 't' }, { a: spec({ method: 'POST', response: putResponse }) }),
    ).toThrow('only a PUT answering 200 on replacement can also answer 201 on creation');
  });

  it('reads parameter names in order', () => {
    expect(pathParamNames('/funding/funds/:fundId/calls/:callId')).toEqual(['fundId', 'callId']);
  });
});

describe('idempotent routes', () => {
  it('read and document the Idempotency-Key header and its problems without listing them', () => {
    const routes = defineRoutes(
      { service: 'funding', tag: 't' },
      { pay: spec({ method: 'POST', idempotent: true, requestHeaders: ['If-Match'] }) },
    );
    expect(routes.pay.requestHeaders).toEqual(['If-Match', 'Idempotency-Key']);
    expect(routes.pay.problems.map((problem) => problem.status)).toEqual([400, 422]);
  });

  it('are signed-in commands only', () => {
    expect(() => defineRoutes({ service: 'funding', tag: 't' }, { a: spec({ idempotent: true }) })).toThrow(
      'only a signed-in command can be idempotent',
    );
    expect(() =>
      defineRoutes(
        { service: 'funding', tag: 't' },
        { a: spec({ method: 'POST', access: 'public', idempotent: true }) },
      ),
    ).toThrow('only a signed-in command');
  });
});
