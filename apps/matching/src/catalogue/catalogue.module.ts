import { Module } from '@nestjs/common';
import { MatchIndexModule } from '../match-index/match-index.module.js';
import { CatalogueProjector } from './catalogue.projector.js';

/** Matching's own catalogue of published projects, kept from `projects.events` with the stored matches. */
@Module({ imports: [MatchIndexModule], controllers: [CatalogueProjector] })
export class CatalogueModule {}
