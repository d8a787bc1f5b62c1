/** Media type of an RFC 9457 problem document. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One offending input field: `email`, `address.city`, `roles[1]`. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, with the platform's extension members `code`, `correlationId` and `errors`. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable, language-independent identifier of the problem (e.g. `EMAIL_ALREADY_REGISTERED`). */
  code: string;
  correlationId?: string;
  errors?: FieldError[];
  /** Extra members a problem may carry (e.g. `service` on a 503 from the gateway). */
  [extension: string]: unknown;
}

/** `type` URI of a problem code: stable and language-independent; RFC 9457 allows a non-dereferenceable URI. */
export function problemTypeFor(code: string): string {
  return `urn:khoinghiep-hub:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

export function isProblemDocument(value: unknown): value is ProblemDocument {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.status === 'number' && typeof candidate.title === 'string';
}
