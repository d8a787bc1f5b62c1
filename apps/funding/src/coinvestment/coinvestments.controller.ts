import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import { type ApplicationView, CoinvestmentRoutes, CreateCoinvestmentDto } from '@khoinghiep/contracts';
import { etagOf } from '@khoinghiep/http';
import { Body, Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { toApplicationView } from '../applications/application.mapper.js';
import { CoinvestmentsService } from './coinvestments.service.js';

@Controller()
export class CoinvestmentsController {
  constructor(private readonly coinvestments: CoinvestmentsService) {}

  @Handles(CoinvestmentRoutes.openCoinvestment)
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateCoinvestmentDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApplicationView> {
    const aggregate = await this.coinvestments.open({ userId: user.id, roles: user.roles }, body);
    response.location(`/api/v1/funding/applications/${aggregate.application.id}`);
    response.setHeader('ETag', etagOf(aggregate.application.version));
    return toApplicationView(aggregate);
  }
}
