import 'reflect-metadata';
import { SecondFactorRequiredError } from '@khoinghiep/auth';
import { ProjectRoutes, Role, type RouteDefinition } from '@khoinghiep/contracts';
import {
  InvalidFieldsError,
  type RelayedResponse,
  type ServiceClient,
  type ServiceRequest,
} from '@khoinghiep/http';
import type { Request, Response } from 'express';
import type { ServiceDirectory } from '../gateway-proxy/service-directory.js';
import { RouteForwarder } from './route-forwarder.service.js';

/** A service that records what it was sent and answers from a table. */
function service(answer: RelayedResponse) {
  const sent: ServiceRequest[] = [];
  const client = {
    relay: async (request: ServiceRequest) => {
      sent.push(request);
      return answer;
    },
  } as unknown as ServiceClient;
  return { sent, directory: { client: () => client } as unknown as ServiceDirectory };
}

function incoming(originalUrl: string, headers: Record<string, string>, body?: unknown): Request {
  return { originalUrl, body, header: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
}

function outgoing() {
  const headers: Record<string, string> = {};
  const state: { status: number; type?: string; sent?: string; ended: boolean } = { status: 0, ended: false };
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name] = value;
    },
    status: (status: number) => {
      state.status = status;
    },
    type(type: string) {
      state.type = type;
      return this;
    },
    send: (text: string) => {
      state.sent = text;
    },
    end: () => {
      state.ended = true;
    },
  } as unknown as Response;
  return { response, headers, state };
}

describe('RouteForwarder', () => {
  const id = '0198f1a2-7c3b-7d4e-8f90-123456789abc';

  it('forwards the declared headers, the body and the raw query, and relays status and declared headers', async () => {
    const upstream = service({
      status: 200,
      headers: new Headers({ etag: '"4"', 'set-cookie': 'no', location: '/x' }),
      text: `{"id":"${id}"}`,
    });
    const { response, headers, state } = outgoing();
    const request = incoming(
      `/api/v1/projects/${id}/submit?x=1`,
      { 'if-match': '"3"', cookie: 'secret' },
      { version: 3 },
    );

    await new RouteForwarder(upstream.directory).forward(
      ProjectRoutes.submitProject,
      { id },
      request,
      response,
    );

    expect(upstream.sent).toEqual([
      {
        method: 'POST',
        path: `/api/v1/projects/${id}/submit?x=1`,
        body: { version: 3 },
        headers: { 'if-match': '"3"' },
      },
    ]);
    expect(state).toEqual({ status: 200, type: 'application/json', sent: `{"id":"${id}"}`, ended: false });
    expect(headers).toEqual({ ETag: '"4"' });
  });

  it('sends an empty body when a route with a body got none, and no token on a public route', async () => {
    const upstream = service({ status: 200, headers: new Headers(), text: '[]' });
    const { response } = outgoing();
    const forwarder = new RouteForwarder(upstream.directory);

    await forwarder.forward(ProjectRoutes.withdrawProject, { id }, incoming('/api/v1/x', {}), response);
    await forwarder.forward(
      ProjectRoutes.listProvinces,
      {},
      incoming('/api/v1/reference/provinces', {}),
      response,
    );

    expect(upstream.sent[0]?.body).toEqual({});
    expect(upstream.sent[1]).toMatchObject({ body: undefined, authorization: null });
    expect(upstream.sent[0]).not.toHaveProperty('authorization');
  });

  it('refuses a body on a route that declares none, naming its fields, and sends nothing on', async () => {
    const upstream = service({ status: 200, headers: new Headers(), text: '[]' });
    const forwarder = new RouteForwarder(upstream.directory);
    const forward = (body: unknown) =>
      forwarder.forward(
        ProjectRoutes.listProvinces,
        {},
        incoming('/api/v1/x', {}, body),
        outgoing().response,
      );

    await expect(forward({ unknownField: 5 })).rejects.toMatchObject({
      status: 400,
      errors: [{ field: 'unknownField' }],
    });
    await expect(forward([1])).rejects.toBeInstanceOf(InvalidFieldsError);
    expect(upstream.sent).toEqual([]);
    await forward({});
    await forward(undefined);
    expect(upstream.sent).toHaveLength(2);
  });

  it('sends a money route on only with a token issued after the second factor', async () => {
    const upstream = service({ status: 200, headers: new Headers(), text: '{}' });
    const money: RouteDefinition = { ...ProjectRoutes.submitProject, secondFactor: true };
    const forwarder = new RouteForwarder(upstream.directory);
    const withUser = (amr: ('pwd' | 'otp')[]) =>
      Object.assign(incoming('/', {}, {}), {
        user: { id, email: 'a@x.vn', name: 'A', roles: [Role.FundApprover], amr },
      });

    await expect(forwarder.forward(money, { id }, withUser(['pwd']), outgoing().response)).rejects.toThrow(
      SecondFactorRequiredError,
    );
    expect(upstream.sent).toEqual([]);

    await forwarder.forward(money, { id }, withUser(['pwd', 'otp']), outgoing().response);
    expect(upstream.sent).toHaveLength(1);
  });

  it('ends an answer that has no body without writing one', async () => {
    const upstream = service({ status: 204, headers: new Headers(), text: '' });
    const { response, state } = outgoing();
    await new RouteForwarder(upstream.directory).forward(
      ProjectRoutes.getProject,
      { id },
      incoming('/', {}),
      response,
    );
    expect(state).toEqual({ status: 204, ended: true });
  });

  it('keeps a parameter inside its segment', async () => {
    const upstream = service({ status: 200, headers: new Headers(), text: '{}' });
    const route: RouteDefinition = ProjectRoutes.getProject;
    await new RouteForwarder(upstream.directory).forward(
      route,
      { id: '..' },
      incoming('/', {}),
      outgoing().response,
    );
    expect(upstream.sent[0]?.path).toBe('/api/v1/projects/%2E%2E');
  });
});
