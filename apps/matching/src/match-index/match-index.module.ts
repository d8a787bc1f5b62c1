import { Module } from '@nestjs/common';
import { FullBuild } from './full-build.js';
import { IndexState } from './index-state.js';
import { InvestorEventsHandler } from './investor-events.handler.js';
import { InvestorIndexing } from './investor-indexing.js';
import { ListRefills } from './list-refills.js';
import { ProjectIndexing } from './project-indexing.js';
import { RefillWorker } from './refill-worker.js';
import { WeightsSwitch } from './weights-switch.js';

/** The stored best matches of both sides, kept current as projects, profiles and weights change (ADR 0024). */
@Module({
  controllers: [InvestorEventsHandler],
  providers: [
    IndexState,
    ProjectIndexing,
    InvestorIndexing,
    ListRefills,
    RefillWorker,
    WeightsSwitch,
    FullBuild,
  ],
  exports: [ProjectIndexing, RefillWorker, FullBuild, IndexState],
})
export class MatchIndexModule {}
