import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import {
  CreateProjectBody,
  ListProjectsQuery,
  PageQuery,
  ReviewProjectBody,
  SubmitProjectBody,
  UnpublishProjectBody,
  UpdateProjectBody,
  WithdrawProjectBody,
} from './project-bodies.dto.js';

const validated = (cls: new () => object) =>
  [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(cls, '', true, false)
        .map((m) => m.propertyName),
    ),
  ].sort();

/** Where @nestjs/swagger lists a class's documented properties (its DECORATORS.API_MODEL_PROPERTIES_ARRAY). */
const DOCUMENTED_PROPERTIES = 'swagger/apiModelPropertiesArray';

const documented = (cls: new () => object) =>
  ((Reflect.getMetadata(DOCUMENTED_PROPERTIES, cls.prototype) as string[] | undefined) ?? [])
    .map((name) => name.replace(/^:/, ''))
    .sort();

describe('OpenAPI documentation of the projects bodies and queries', () => {
  it.each(
    [
      CreateProjectBody,
      UpdateProjectBody,
      SubmitProjectBody,
      WithdrawProjectBody,
      ReviewProjectBody,
      UnpublishProjectBody,
      PageQuery,
      ListProjectsQuery,
    ].map((cls) => [cls.name, cls] as const),
  )('%s documents every field it validates, and nothing else', (_name, cls) => {
    expect(validated(cls).length).toBeGreaterThan(0);
    expect(documented(cls)).toEqual(validated(cls));
  });
});
