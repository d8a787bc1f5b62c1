import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import { GrantRoutes, type GrantView } from '@khoinghiep/contracts';
import { Controller, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { FUND_STAFF } from '../calls/caller.js';
import { toGrantView } from '../decisions/decision.mapper.js';
import { Grant } from './grant.entity.js';
import { GrantNotFoundError } from './grant.errors.js';

@Controller()
export class GrantsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Fund staff see every grant; anyone else only their own (others get the same 404 as a missing one). */
  @Handles(GrantRoutes.getGrant)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<GrantView> {
    const grant = isUuid(id) ? await this.dataSource.manager.findOneBy(Grant, { id }) : null;
    const staff = FUND_STAFF.some((role) => user.roles.includes(role));
    if (!grant || !(staff || grant.beneficiaryId === user.id)) throw new GrantNotFoundError(id);
    return toGrantView(grant);
  }
}
