import 'reflect-metadata';
import { runApp } from '@khoinghiep/platform';
import { AppModule } from './app.module.js';
import { configureGateway } from './gateway-setup.js';

await runApp(AppModule, { service: 'gateway', configure: configureGateway, separateMetricsPort: true });
