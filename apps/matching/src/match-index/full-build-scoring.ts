import { Worker } from 'node:worker_threads';
import type { InvestorPreferences, MatchWeights } from '../scoring/match-inputs.js';
import { type PreparedInvestor, prepareInvestor, prepareProject } from '../scoring/prepared.js';
import { type RankedEntry, TopK } from '../scoring/ranking.js';
import { scoreMatch } from '../scoring/score-match.js';
import type { RankedList } from './match-lists.js';
import { type ProjectFactsRow, projectFactsOf } from './scoring-rows.js';

/** What a full build scores with: every investor in matching, the weights, the list size. */
export interface ScoringSetup {
  readonly investors: readonly InvestorPreferences[];
  readonly weights: MatchWeights;
  readonly listSize: number;
}

/** One investor's best matches so far, as (project id, score), best first. */
export type InvestorBest = readonly { readonly id: string; readonly score: number }[];

/**
 * The scoring of a full build: projects in, their complete lists out, while each investor's best projects so far
 * are kept; at the end, every investor's list (in the order of `setup.investors`).
 */
export interface FullBuildScoring {
  scoreProjects(rows: readonly ProjectFactsRow[]): Promise<RankedList[]>;
  investorLists(): Promise<InvestorBest[]>;
  close(): Promise<void>;
}

/** An investor in a pass over the projects, with the best projects offered so far. */
export interface PassInvestor {
  readonly prepared: PreparedInvestor;
  readonly best: TopK<null>;
}

export const passInvestors = (setup: ScoringSetup): PassInvestor[] =>
  setup.investors.map((preferences) => ({
    prepared: prepareInvestor(preferences),
    best: new TopK<null>(setup.listSize),
  }));

/** Scores each project against every investor: the project's list, and the project offered to each investor's. */
export function scoreProjects(
  investors: readonly PassInvestor[],
  rows: readonly ProjectFactsRow[],
  weights: MatchWeights,
  listSize: number,
): RankedList[] {
  return rows.map((row) => {
    const project = prepareProject(projectFactsOf(row));
    const best = new TopK<null>(listSize);
    for (const investor of investors) {
      const score = scoreMatch(investor.prepared, project, weights);
      if (score === null) continue;
      best.offer(investor.prepared.preferences.investorId, score, null);
      investor.best.offer(row.project_id, score, null);
    }
    return { owner: row.project_id, matches: best.sorted().map(entryOf) };
  });
}

export const entryOf = ({ id, score }: RankedEntry<unknown>) => ({ id, score });

/** The scoring in this thread (tests, small catalogues). */
export function scoringHere(setup: ScoringSetup): FullBuildScoring {
  const investors = passInvestors(setup);
  return {
    scoreProjects: async (rows) => scoreProjects(investors, rows, setup.weights, setup.listSize),
    investorLists: async () => investors.map((investor) => investor.best.sorted().map(entryOf)),
    close: async () => undefined,
  };
}

/**
 * The scoring spread over `threads` worker threads (`full-build.worker.js`, the compiled code): each scores its share
 * of every batch of projects against every investor and keeps its own best projects per investor, merged at the end
 * (the best of the threads' best is the best). The caller writes one batch while the threads score the next.
 */
export function scoringInThreads(setup: ScoringSetup, threads: number): FullBuildScoring {
  const workers = Array.from({ length: threads }, () => new ThreadOfScoring(setup));
  return {
    async scoreProjects(rows) {
      const share = Math.ceil(rows.length / workers.length);
      const parts = await Promise.all(
        workers.map((worker, n) =>
          worker.ask<RankedList[]>({ rows: rows.slice(n * share, (n + 1) * share) }),
        ),
      );
      return parts.flat();
    },
    async investorLists() {
      const partials = await Promise.all(
        workers.map((worker) => worker.ask<InvestorBest[]>({ finish: true })),
      );
      return mergeInvestorBest(partials, setup.investors.length, setup.listSize);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * Each investor's best `listSize` of the best that several passes over disjoint parts of the projects kept: the
 * best of all is among the best of each part.
 */
export function mergeInvestorBest(
  partials: readonly (readonly InvestorBest[])[],
  investors: number,
  listSize: number,
): InvestorBest[] {
  return Array.from({ length: investors }, (_, i) => {
    const best = new TopK<null>(listSize);
    for (const partial of partials)
      for (const entry of partial[i] ?? []) best.offer(entry.id, entry.score, null);
    return best.sorted().map(entryOf);
  });
}

/** A worker thread answering requests in order. */
class ThreadOfScoring {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (answer: unknown) => void; reject: (error: Error) => void }[] = [];

  constructor(setup: ScoringSetup) {
    this.worker = new Worker(new URL('./full-build.worker.js', import.meta.url), { workerData: setup });
    this.worker.on('message', (answer: unknown) => this.waiting.shift()?.resolve(answer));
    this.worker.on('error', (error) => {
      for (const waiting of this.waiting.splice(0)) waiting.reject(error);
    });
  }

  ask<T>(request: object): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ resolve: (answer) => resolve(answer as T), reject });
      this.worker.postMessage(request);
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
