import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller.js';
import { ProjectCatalogueService } from './project-catalogue.service.js';

@Module({
  controllers: [CatalogueController],
  providers: [ProjectCatalogueService],
})
export class SearchModule {}
