import { Module } from '@nestjs/common';
import { MatchWeightsController } from './match-weights.controller.js';
import { MatchWeightsService } from './match-weights.service.js';

/** The match weights as dated reference data: read by everyone, a new version recorded by admins. */
@Module({
  controllers: [MatchWeightsController],
  providers: [MatchWeightsService],
})
export class MatchWeightsModule {}
