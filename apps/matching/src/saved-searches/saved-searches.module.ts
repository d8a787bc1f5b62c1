import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SavedSearchAlerts } from './saved-search-alerts.handler.js';
import { SavedSearchesController } from './saved-searches.controller.js';
import { SavedSearchesService } from './saved-searches.service.js';

/** An investor's saved searches, and the notifications a newly published project that passes one makes. */
@Module({
  imports: [NotificationsModule],
  controllers: [SavedSearchesController, SavedSearchAlerts],
  providers: [SavedSearchesService],
})
export class SavedSearchesModule {}
