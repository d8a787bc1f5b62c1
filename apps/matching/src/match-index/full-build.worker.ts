import { parentPort, workerData } from 'node:worker_threads';
import { entryOf, passInvestors, type ScoringSetup, scoreProjects } from './full-build-scoring.js';
import type { ProjectFactsRow } from './scoring-rows.js';

// A thread of `scoringInThreads`: scores the batches of projects it is sent, keeping its own best projects per
// investor, and answers those when told to finish.

const setup = workerData as ScoringSetup;
const investors = passInvestors(setup);

parentPort?.on('message', (request: { rows: ProjectFactsRow[] } | { finish: true }) => {
  parentPort?.postMessage(
    'rows' in request
      ? scoreProjects(investors, request.rows, setup.weights, setup.listSize)
      : investors.map((investor) => investor.best.sorted().map(entryOf)),
  );
});
