import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import { ListProjectsQueryDto, type Page, ProjectRoutes, type ProjectView } from '@khoinghiep/contracts';
import { Controller, Query } from '@nestjs/common';
import { callerOf } from '../common/caller.js';
import { toProjectView } from '../projects/project.mapper.js';
import { ProjectCatalogueService } from './project-catalogue.service.js';

@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: ProjectCatalogueService) {}

  /** Published projects, newest publication first, filtered and searched. */
  @Handles(ProjectRoutes.listProjects)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListProjectsQueryDto,
  ): Promise<Page<ProjectView>> {
    const page = await this.catalogue.list(callerOf(user), query);
    return { items: page.items.map(toProjectView), nextCursor: page.nextCursor };
  }
}
