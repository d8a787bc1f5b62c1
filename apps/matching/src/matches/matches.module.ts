import { Module } from '@nestjs/common';
import { InvestorMatchesService } from './investor-matches.service.js';
import { MatchMarksService } from './match-marks.service.js';
import { MatchesController } from './matches.controller.js';

/** Reading matches: an investor's ranked and explained projects, and their marks on them. */
@Module({
  controllers: [MatchesController],
  providers: [InvestorMatchesService, MatchMarksService],
})
export class MatchesModule {}
