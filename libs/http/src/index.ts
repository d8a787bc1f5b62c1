export { configureHttpApp, type HttpAppOptions } from './configure-http-app.js';
export { normaliseText } from './edge-input/edge-text.js';
export {
  AccessDeniedError,
  InvalidFieldsError,
  ResourceNotFoundError,
  RoleRequiredError,
} from './errors/common-errors.js';
export { DomainError, type DomainErrorInit, type DomainFieldError } from './errors/domain-error.js';
export { UpstreamProblemError } from './errors/upstream-problem.error.js';
export {
  DEFAULT_LOCALE,
  formatMessage,
  type Locale,
  type LocalisedText,
  localise,
  type MessageParams,
  negotiateLocale,
  SUPPORTED_LOCALES,
} from './i18n/locale.js';
export { CursorField, type CursorValues, decodeCursor, encodeCursor, pageOf } from './pagination/cursor.js';
export {
  etagOf,
  InvalidVersionError,
  StaleVersionError,
  type VersionChecks,
  type VersionedThing,
  type VersionPrecondition,
  VersionRequiredError,
  versionChecks,
} from './preconditions/version-precondition.js';
export {
  COMMON_PROBLEMS,
  CommonProblemCode,
  commonCodeForStatus,
  type ProblemMessages,
} from './problems/problem-catalogue.js';
export { ProblemDetailsFilter } from './problems/problem-details.filter.js';
export {
  type FieldError,
  isProblemDocument,
  PROBLEM_CONTENT_TYPE,
  type ProblemDocument,
  problemTypeFor,
} from './problems/problem-document.js';
export { type ProblemContext, type RenderedProblem, renderProblem } from './problems/render-problem.js';
export {
  ServiceBadResponseError,
  ServiceTimeoutError,
  ServiceUnavailableError,
} from './service-client/service-client.errors.js';
export {
  type QueryValue,
  type RelayedResponse,
  ServiceClient,
  type ServiceClientOptions,
  type ServiceRequest,
  type ServiceResponse,
} from './service-client/service-client.js';
export {
  type ConstraintMessage,
  describeViolation,
  registerConstraintMessages,
  type Violation,
} from './validation/validation-messages.js';
export { createValidationPipe } from './validation/validation-pipe.js';
export { ValidationProblemError } from './validation/validation-problem.error.js';
export { joinFieldPath, toViolations } from './validation/violations.js';
