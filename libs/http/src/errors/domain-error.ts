import { formatMessage, type LocalisedText, type MessageParams } from '../i18n/locale.js';
import type { ProblemMessages } from '../problems/problem-catalogue.js';

/** A field-level error raised by domain code (not by the ValidationPipe), worded in every language. */
export interface DomainFieldError {
  field: string;
  message: LocalisedText;
  params?: MessageParams;
}

export interface DomainErrorInit {
  /** Stable, upper-snake identifier clients can branch on: `EMAIL_ALREADY_REGISTERED`. */
  code: string;
  /** HTTP status of the problem document. */
  status: number;
  /** Title and detail templates in every language. */
  messages: ProblemMessages;
  /** Values for the templates' `{placeholders}`; never put secrets here, they reach the client. */
  params?: MessageParams;
  errors?: readonly DomainFieldError[];
  /** Response headers the problem needs, e.g. `WWW-Authenticate` on a 401. */
  headers?: Readonly<Record<string, string>>;
  /** Extra members for the problem document (RFC 9457 extension members). */
  extensions?: Readonly<Record<string, unknown>>;
  cause?: unknown;
}

/**
 * Base of every typed exception a service throws on purpose. The global `ProblemDetailsFilter` turns it into a
 * problem document in the caller's language; the `message` (English) is for logs.
 *
 * ```ts
 * export class ProjectNotEditableError extends DomainError {
 *   constructor(status: string) {
 *     super({ code: 'PROJECT_NOT_EDITABLE', status: 409, params: { status }, messages: {
 *       title: { vi: 'Không thể sửa dự án', en: 'Project cannot be edited' },
 *       detail: { vi: 'Dự án đang ở trạng thái {status}.', en: 'The project is {status}.' } } });
 *   }
 * }
 * ```
 */
export abstract class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: ProblemMessages;
  readonly params: MessageParams;
  readonly errors: readonly DomainFieldError[];
  readonly headers: Readonly<Record<string, string>>;
  readonly extensions: Readonly<Record<string, unknown>>;

  protected constructor(init: DomainErrorInit) {
    super(
      formatMessage(init.messages.detail.en, init.params),
      init.cause === undefined ? {} : { cause: init.cause },
    );
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status;
    this.messages = init.messages;
    this.params = init.params ?? {};
    this.errors = init.errors ?? [];
    this.headers = init.headers ?? {};
    this.extensions = init.extensions ?? {};
  }
}
