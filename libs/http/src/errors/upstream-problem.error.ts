import type { ProblemDocument } from '../problems/problem-document.js';

/**
 * A problem document another service answered with, passed on to the caller unchanged (same status, same
 * words: the service already chose the language from the forwarded `Accept-Language`).
 */
export class UpstreamProblemError extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    readonly problem: ProblemDocument,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${service} answered ${status} ${problem.code ?? ''}: ${problem.detail ?? problem.title}`);
    this.name = 'UpstreamProblemError';
  }
}
