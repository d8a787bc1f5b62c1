import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  PAGE_SIZE,
  type Page,
  PageQueryDto,
  type ProjectHistoryEntryView,
  ProjectRoutes,
} from '@khoinghiep/contracts';
import { Controller, Param, Query } from '@nestjs/common';
import { callerOf } from '../common/caller.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ProjectHistoryService } from './project-history.service.js';

@Controller()
export class HistoryController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly history: ProjectHistoryService,
  ) {}

  /** Every change of a project, oldest first: who, when, why. Open to whoever may see the project. */
  @Handles(ProjectRoutes.projectHistory)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ProjectHistoryEntryView>> {
    const project = await this.projects.get(callerOf(user), id);
    return this.history.list(project.id, query.limit ?? PAGE_SIZE.default, query.cursor);
  }
}
