import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  CloseCoinvestmentLeadDto,
  CoinvestmentLeadRoutes,
  type CoinvestmentLeadView,
  ListCoinvestmentLeadsQueryDto,
  type Page,
} from '@khoinghiep/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { toCoinvestmentLeadView } from './coinvestment-lead.mapper.js';
import { CoinvestmentLeadsService } from './coinvestment-leads.service.js';

@Controller()
export class CoinvestmentLeadsController {
  constructor(private readonly leads: CoinvestmentLeadsService) {}

  @Handles(CoinvestmentLeadRoutes.listCoinvestmentLeads)
  async list(@Query() query: ListCoinvestmentLeadsQueryDto): Promise<Page<CoinvestmentLeadView>> {
    const page = await this.leads.list(query);
    return { items: page.items.map(toCoinvestmentLeadView), nextCursor: page.nextCursor };
  }

  @Handles(CoinvestmentLeadRoutes.getCoinvestmentLead)
  async get(@Param('leadId') leadId: string): Promise<CoinvestmentLeadView> {
    return toCoinvestmentLeadView(await this.leads.get(leadId));
  }

  @Handles(CoinvestmentLeadRoutes.takeOnCoinvestmentLead)
  async takeOn(
    @CurrentUser() user: AuthenticatedUser,
    @Param('leadId') leadId: string,
  ): Promise<CoinvestmentLeadView> {
    return toCoinvestmentLeadView(await this.leads.takeOn({ userId: user.id, roles: user.roles }, leadId));
  }

  @Handles(CoinvestmentLeadRoutes.closeCoinvestmentLead)
  async close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('leadId') leadId: string,
    @Body() body: CloseCoinvestmentLeadDto,
  ): Promise<CoinvestmentLeadView> {
    return toCoinvestmentLeadView(
      await this.leads.close({ userId: user.id, roles: user.roles }, leadId, body.reason),
    );
  }
}
