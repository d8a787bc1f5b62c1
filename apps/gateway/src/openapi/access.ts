import { BODY_PROBLEMS, bilingual, PROBLEM_SCHEMA, PROBLEM_SCHEMAS } from '@khoinghiep/api';
import { IS_PUBLIC_KEY, ROLES_KEY, SECOND_FACTOR_KEY } from '@khoinghiep/auth';
import { API_PREFIX } from '@khoinghiep/platform';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;

const problemContent = {
  'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } },
};

const UNAUTHENTICATED: ResponseObject = {
  description: 'Thiếu hoặc sai mã truy cập / Missing or invalid access token',
  content: problemContent,
};
const FORBIDDEN: ResponseObject = {
  description: 'Vai trò không được phép / Role not allowed',
  content: problemContent,
};

interface Handler {
  path: string;
  method: string;
  isPublic: boolean;
  hasRoles: boolean;
  secondFactor: boolean;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}');

/** The gateway's own handlers with their access, as the guards read it. */
function handlers(app: INestApplication): Handler[] {
  const found: Handler[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new () => object) | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const read = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, type);
        found.push({
          path: join(API_PREFIX, base, path),
          method: RequestMethod[method].toLowerCase(),
          isPublic: read(IS_PUBLIC_KEY) === true,
          hasRoles: ((read(ROLES_KEY) as unknown[] | undefined) ?? []).length > 0,
          secondFactor: read(SECOND_FACTOR_KEY) === true,
        });
      }
    }
  }
  return found;
}

/**
 * Completes what @nestjs/swagger leaves out of the hand-written controllers' operations, from the same metadata
 * the auth guards read: `security: []` on public operations and the bearer scheme elsewhere, the `401`/`403`
 * they can answer, `x-second-factor-required` where the second factor is, and the problem schema on every error
 * response.
 */
export function documentAccess(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  for (const handler of handlers(app)) {
    const operation = document.paths[handler.path]?.[handler.method as 'get'] as OperationObject | undefined;
    if (!operation) continue;
    operation.security = handler.isPublic ? [] : [{ bearer: [] }];
    if (!handler.isPublic) operation.responses['401'] ??= UNAUTHENTICATED;
    if (handler.hasRoles) operation.responses['403'] ??= FORBIDDEN;
    // As the declared routes say it (libs/api route-document): an extension the client can read.
    if (handler.secondFactor) Object.assign(operation, { 'x-second-factor-required': true });
    for (const problem of BODY_PROBLEMS) {
      operation.responses[String(problem.status)] ??= {
        description: `${bilingual(problem)} (${problem.codes.join(', ')})`,
        content: problemContent,
      };
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      if (response && Number(status) >= 400 && !('$ref' in response)) response.content ??= problemContent;
    }
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...PROBLEM_SCHEMAS },
  };
  return document;
}
