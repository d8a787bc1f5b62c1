export { Handles, routeDecorators, routeOf } from './handles.decorator.js';
export {
  BODY_PROBLEMS,
  openApiPath,
  PROBLEM_SCHEMA,
  PROBLEM_SCHEMAS,
  problemsOf,
  type RoutesDocument,
  routesDocument,
} from './openapi/route-document.js';
export { bilingual, type Schema, SchemaCollector } from './openapi/schemas.js';
export { documentationProblems, featureControllers, routeBindingProblems } from './route-bindings.js';
