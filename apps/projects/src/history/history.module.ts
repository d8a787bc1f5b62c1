import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { HistoryController } from './history.controller.js';

@Module({
  imports: [ProjectsModule],
  controllers: [HistoryController],
})
export class HistoryModule {}
