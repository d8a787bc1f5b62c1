import { Clock, IdGenerator } from '@khoinghiep/clock';
import type { CreateSavedSearchDto } from '@khoinghiep/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { SavedSearch } from './saved-search.entity.js';
import { SavedSearchLimitError, SavedSearchNotFoundError } from './saved-search.errors.js';
import { savedSearchTerms } from './saved-search-filters.js';

/** An investor's own saved searches. The per-investor limit is the database's (see the migration). */
@Injectable()
export class SavedSearchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(investorId: string, dto: CreateSavedSearchDto): Promise<SavedSearch> {
    const search = this.dataSource.getRepository(SavedSearch).create({
      id: this.ids.next(),
      investorId,
      ...savedSearchTerms(dto),
      createdAt: this.clock.now(),
    });
    try {
      await this.dataSource.getRepository(SavedSearch).insert(search);
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'CHK_saved_searches_per_investor'
      )
        throw new SavedSearchLimitError();
      throw error;
    }
    return this.dataSource.getRepository(SavedSearch).findOneByOrFail({ id: search.id });
  }

  /** Newest first (there are few: the limit bounds them). */
  listMine(investorId: string): Promise<SavedSearch[]> {
    return this.dataSource
      .getRepository(SavedSearch)
      .find({ where: { investorId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Deletes one of the investor's searches and answers it; another's is not found. */
  delete(investorId: string, savedSearchId: string): Promise<SavedSearch> {
    return this.dataSource.transaction(async (manager) => {
      const search = await manager.findOne(SavedSearch, {
        where: { id: savedSearchId, investorId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!search) throw new SavedSearchNotFoundError(savedSearchId);
      await manager.delete(SavedSearch, { id: savedSearchId });
      return search;
    });
  }
}
