import type { SavedSearchView } from '@khoinghiep/contracts';
import type { SavedSearch } from './saved-search.entity.js';

export function toSavedSearchView(row: SavedSearch): SavedSearchView {
  return {
    id: row.id,
    name: row.name,
    filters: {
      sectors: row.sectors,
      stages: row.stages,
      provinceCodes: row.provinceCodes,
      ticket: { min: row.askMin, max: row.askMax },
      q: row.query,
    },
    minScore: row.minScore,
    notify: row.notify,
    createdAt: row.createdAt.toISOString(),
  };
}
