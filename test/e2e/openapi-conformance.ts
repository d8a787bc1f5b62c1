import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type request from 'supertest';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: object;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: object;
}

interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  operations: Record<string, Operation>;
}

const mediaType = (contentType: string | undefined) => contentType?.split(';')[0]?.trim() ?? '';

/**
 * Checks live traffic against the OpenAPI document the gateway serves, as a validating proxy would: every
 * answer has a documented status, media type and a body matching its schema, and every request the platform
 * accepted (2xx) matches the document's parameters and body. A request the document refuses may be refused by
 * the platform; one the platform accepts must be one the document allows.
 */
export class OpenApiConformance {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<object, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: document.components });
    // Fixed segments first, so `/projects/review-queue` is not taken for `/projects/{id}`.
    this.routes = Object.entries(document.paths)
      .map(([template, operations]) => {
        const names = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)');
        return { template, pattern: new RegExp(`^${source}$`), names, operations };
      })
      .sort((a, b) => a.names.length - b.names.length);
  }

  /** What is wrong with one exchange; empty when it matches the document. */
  violations(method: string, url: string, sent: unknown, response: request.Response): string[] {
    // Not `new URL()`: it resolves `%2e%2e` segments, and the exchange is about the path as it was sent.
    const [pathname = '', search = ''] = url.replace(/^https?:\/\/[^/]+/, '').split('?');
    const searchParams = new URLSearchParams(search);
    if (!pathname.startsWith('/api/v1/')) return [];
    const exchange = `${method.toUpperCase()} ${pathname} → ${response.status}`;
    const found = this.find(method, pathname);
    if (!found) return response.status === 404 ? [] : [`${exchange}: no such operation in the document`];
    const { operation, params } = found;
    const problems: string[] = [];
    const documented = operation.responses[String(response.status)] ?? operation.responses.default;
    if (!documented) return [`${exchange}: status not documented for ${operation.operationId}`];
    const media = mediaType(response.headers['content-type']);
    if (documented.content && response.status !== 204) {
      const content = documented.content[media];
      if (!content) problems.push(`${exchange}: media type ${media || '(none)'} not documented`);
      else {
        // A file (text/csv) is its text; supertest parses only JSON into `body`.
        const body = media.startsWith('text/') ? response.text : response.body;
        problems.push(...this.check(`${exchange} body`, content.schema, body));
      }
    }
    if (response.status >= 200 && response.status < 300) {
      problems.push(...this.checkRequest(exchange, operation, params, searchParams, sent));
    }
    return problems;
  }

  private checkRequest(
    exchange: string,
    operation: Operation,
    params: Record<string, string>,
    query: URLSearchParams,
    sent: unknown,
  ): string[] {
    const problems: string[] = [];
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path') {
        problems.push(
          ...this.check(`${exchange} path ${parameter.name}`, parameter.schema, params[parameter.name]),
        );
      }
    }
    const known = new Set((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of query.keys()) {
      if (!known.has(name)) problems.push(`${exchange}: accepted the undocumented query parameter ${name}`);
    }
    const body = operation.requestBody?.content['application/json'];
    if (body && (sent !== undefined || operation.requestBody?.required)) {
      problems.push(...this.check(`${exchange} request body`, body.schema, sent ?? {}));
    } else if (!body && sent !== undefined && Object.keys(sent as object).length > 0) {
      problems.push(`${exchange}: accepted a body the document does not describe`);
    }
    return problems;
  }

  private find(method: string, pathname: string) {
    for (const route of this.routes) {
      const match = route.pattern.exec(pathname);
      const operation = match && route.operations[method.toLowerCase()];
      if (match && operation) {
        const params = Object.fromEntries(
          route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] as string)]),
        );
        return { operation, params };
      }
    }
    return undefined;
  }

  private check(where: string, schema: object, value: unknown): string[] {
    let validate = this.validators.get(schema);
    if (!validate) {
      // The document's `$ref`s point into its components, registered under the id `openapi`.
      validate = this.ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')),
      );
      this.validators.set(schema, validate);
    }
    return validate(value) ? [] : [`${where}: ${this.ajv.errorsText(validate.errors)}`];
  }
}
