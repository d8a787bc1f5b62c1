import { Module } from '@nestjs/common';
import { ProjectDirectoryProjector } from './project-directory.projector.js';

/** Funding's own knowledge of startup projects, kept from `projects.events`. */
@Module({ controllers: [ProjectDirectoryProjector] })
export class ProjectDirectoryModule {}
