import { beforeAll } from '@jest/globals';
import { e2eGatewayUrl } from '@khoinghiep/testing';
import request from 'supertest';
import { OpenApiConformance } from './openapi-conformance.js';

let conformance: OpenApiConformance | undefined;

// Every exchange through `api()` is checked against the document the gateway serves (see OpenApiConformance).
beforeAll(async () => {
  conformance = new OpenApiConformance(
    (await request(e2eGatewayUrl()).get('/api/docs-json').expect(200)).body,
  );
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];
type Api = Pick<ReturnType<typeof request>, Method>;

/** The body superagent is about to send (it keeps it in `_data`). */
const sentBody = (test: request.Test) => (test as unknown as { _data?: unknown })._data;

function conforming(test: request.Test, method: Method): request.Test {
  return test.expect((response) => {
    const found = conformance?.violations(method, test.url, sentBody(test), response) ?? [];
    if (found.length > 0) throw new Error(`Not as the OpenAPI document says:\n${found.join('\n')}`);
  });
}

/** Requests to the gateway of the platform under test, each checked against its OpenAPI document. */
export function api(): Api {
  const agent = request(e2eGatewayUrl());
  return Object.fromEntries(
    METHODS.map((method) => [method, (url: string) => conforming(agent[method](url), method)]),
  ) as unknown as Api;
}
