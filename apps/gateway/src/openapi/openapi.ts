import { routesDocument } from '@khoinghiep/api';
import { ROUTE_CATALOGUE } from '@khoinghiep/contracts';
import { API_PREFIX } from '@khoinghiep/platform';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentAccess } from './access.js';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/**
 * The OpenAPI document of the public API: the gateway's own controllers (identity, system status) as
 * @nestjs/swagger reads them, and every declared route of the services from the catalogue. UI at `/api/docs`,
 * JSON at `/api/docs-json`.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Khởi nghiệp Hub API')
    .setDescription(
      [
        'API công khai của nền tảng Khởi nghiệp Hub. / Public API of the Khởi nghiệp Hub platform.',
        '',
        'Lỗi theo RFC 9457 (`application/problem+json`), tiếng Việt mặc định, tiếng Anh với `Accept-Language: en`. /',
        'Errors are RFC 9457 problem documents, Vietnamese by default, English with `Accept-Language: en`.',
      ].join('\n'),
    )
    .setVersion('1')
    .addServer('/', 'Cổng API / The gateway')
    .setLicense('Proprietary', 'https://khoinghiep.example.vn/license')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = documentAccess(app, SwaggerModule.createDocument(app, config));
  const routes = routesDocument(ROUTE_CATALOGUE, `/${API_PREFIX}`);
  // Probes and metrics are for the platform's operators, not part of the public API.
  const api = Object.entries(document.paths).filter(([path]) => path.startsWith(`/${API_PREFIX}/`));
  return {
    ...document,
    paths: { ...Object.fromEntries(api), ...routes.paths },
    components: { ...document.components, schemas: { ...document.components?.schemas, ...routes.schemas } },
  };
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, openApiDocument(app), { jsonDocumentUrl: OPENAPI_JSON_PATH });
}
