import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** The OpenAPI document of the public API: UI at `/api/docs`, JSON at `/api/docs-json`. */
export function setupOpenApi(app: INestApplication): void {
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
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
}
