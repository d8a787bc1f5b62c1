import { Module } from '@nestjs/common';
import { InvestorMatchesService } from './investor-matches.service.js';
import { MatchMarksService } from './match-marks.service.js';
import { MatchesController } from './matches.controller.js';
import { ProjectInvestorsController } from './project-investors.controller.js';
import { ProjectInvestorsService } from './project-investors.service.js';

/** Reading matches: an investor's ranked and explained projects and their marks; a project's fitting investors. */
@Module({
  controllers: [MatchesController, ProjectInvestorsController],
  providers: [InvestorMatchesService, MatchMarksService, ProjectInvestorsService],
})
export class MatchesModule {}
