import { Module } from '@nestjs/common';
import { ProjectHistoryService } from '../history/project-history.service.js';
import { ProjectWorkflow } from './project-workflow.js';
import { MyProjectsController, ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  controllers: [ProjectsController, MyProjectsController],
  providers: [ProjectHistoryService, ProjectWorkflow, ProjectsService],
  exports: [ProjectHistoryService, ProjectWorkflow, ProjectsService],
})
export class ProjectsModule {}
