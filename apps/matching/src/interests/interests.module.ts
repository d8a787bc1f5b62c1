import { Module } from '@nestjs/common';
import { InterestsController } from './interests.controller.js';
import { InterestsService } from './interests.service.js';

/** Interest → consent: investors approach published projects, founders accept (an introduction) or decline. */
@Module({ controllers: [InterestsController], providers: [InterestsService] })
export class InterestsModule {}
