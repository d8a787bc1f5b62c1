import { Module } from '@nestjs/common';
import { Clock, IdGenerator } from '../common/clock.js';
import { ProjectHistoryService } from '../history/project-history.service.js';
import { ProjectWorkflow } from './project-workflow.js';
import { MyProjectsController, ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  controllers: [ProjectsController, MyProjectsController],
  providers: [Clock, IdGenerator, ProjectHistoryService, ProjectWorkflow, ProjectsService],
  exports: [Clock, IdGenerator, ProjectHistoryService, ProjectWorkflow, ProjectsService],
})
export class ProjectsModule {}
