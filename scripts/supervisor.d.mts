export interface Supervised {
  readonly name: string;
  ready(): Promise<unknown> | undefined;
  restarts(): number;
  stop(): Promise<void>;
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff;

export function supervise(
  name: string,
  start: () => { exited: Promise<unknown>; stop(): Promise<void>; ready?(): Promise<unknown> },
  options?: { say?: (message: string) => void; backoff?: Partial<Backoff>; isStopping?: () => boolean },
): Supervised;
