import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  InvestorProfileRoutes,
  type InvestorProfileView,
  PutInvestorProfileDto,
} from '@khoinghiep/contracts';
import { etagOf } from '@khoinghiep/http';
import { API_PREFIX } from '@khoinghiep/platform';
import { Body, Controller, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { toProfileView } from './investor-profile.mapper.js';
import { InvestorProfilesService } from './investor-profiles.service.js';

const OWN_PROFILE_PATH = `/${API_PREFIX}${InvestorProfileRoutes.getMyInvestorProfile.path}`;

@Controller()
export class InvestorProfilesController {
  constructor(private readonly profiles: InvestorProfilesService) {}

  /** Sends its own answer: `201` with Location when it created the profile, `200` when it replaced it. */
  @Handles(InvestorProfileRoutes.putMyInvestorProfile)
  async put(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PutInvestorProfileDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() response: Response,
  ): Promise<InvestorProfileView> {
    const { profile, created } = await this.profiles.put(user.id, body, ifMatch);
    const view = toProfileView(profile);
    response.setHeader('ETag', etagOf(profile.version));
    if (created) response.location(OWN_PROFILE_PATH);
    response.status(created ? 201 : 200).json(view);
    return view;
  }

  @Handles(InvestorProfileRoutes.getMyInvestorProfile)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InvestorProfileView> {
    const profile = await this.profiles.own(user.id);
    response.setHeader('ETag', etagOf(profile.version));
    return toProfileView(profile);
  }
}
