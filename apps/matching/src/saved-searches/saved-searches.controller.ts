import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import { CreateSavedSearchDto, SavedSearchRoutes, type SavedSearchView } from '@khoinghiep/contracts';
import { Body, Controller, Param } from '@nestjs/common';
import { toSavedSearchView } from './saved-search.mapper.js';
import { SavedSearchesService } from './saved-searches.service.js';

@Controller()
export class SavedSearchesController {
  constructor(private readonly searches: SavedSearchesService) {}

  @Handles(SavedSearchRoutes.createSavedSearch)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateSavedSearchDto,
  ): Promise<SavedSearchView> {
    return toSavedSearchView(await this.searches.create(user.id, body));
  }

  @Handles(SavedSearchRoutes.listSavedSearches)
  async list(@CurrentUser() user: AuthenticatedUser): Promise<SavedSearchView[]> {
    return (await this.searches.listMine(user.id)).map(toSavedSearchView);
  }

  @Handles(SavedSearchRoutes.deleteSavedSearch)
  async delete(
    @CurrentUser() user: AuthenticatedUser,
    @Param('savedSearchId') savedSearchId: string,
  ): Promise<SavedSearchView> {
    return toSavedSearchView(await this.searches.delete(user.id, savedSearchId));
  }
}
