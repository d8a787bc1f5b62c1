import { Handles } from '@khoinghiep/api';
import {
  type InvestorCardView,
  InvestorProfileRoutes,
  ListInvestorsQueryDto,
  type Page,
} from '@khoinghiep/contracts';
import { Controller, Param, Query } from '@nestjs/common';
import { toCardView } from '../profiles/investor-profile.mapper.js';
import { InvestorCardsService } from './investor-cards.service.js';

/** Public investor cards, for anyone (no sign-in). */
@Controller()
export class InvestorCardsController {
  constructor(private readonly cards: InvestorCardsService) {}

  @Handles(InvestorProfileRoutes.listInvestorCards)
  async list(@Query() query: ListInvestorsQueryDto): Promise<Page<InvestorCardView>> {
    const page = await this.cards.list(query);
    return { items: page.items.map(toCardView), nextCursor: page.nextCursor };
  }

  @Handles(InvestorProfileRoutes.getInvestorCard)
  async get(@Param('investorId') investorId: string): Promise<InvestorCardView> {
    return toCardView(await this.cards.card(investorId));
  }
}
