import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  MatchWeightsRoutes,
  type MatchWeightsVersionView,
  type MatchWeightsView,
  RecordMatchWeightsDto,
} from '@khoinghiep/contracts';
import { Body, Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MatchWeightsService } from './match-weights.service.js';

@Controller()
export class MatchWeightsController {
  constructor(private readonly weights: MatchWeightsService) {}

  @Handles(MatchWeightsRoutes.getMatchWeights)
  all(): Promise<MatchWeightsView> {
    return this.weights.all();
  }

  @Handles(MatchWeightsRoutes.recordMatchWeights)
  async record(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RecordMatchWeightsDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MatchWeightsVersionView> {
    const version = await this.weights.record(user, body);
    response.location('/api/v1/matching/weights');
    return version;
  }
}
