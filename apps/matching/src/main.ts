import 'reflect-metadata';
import { runApp } from '@khoinghiep/platform';
import { AppModule } from './app.module.js';

await runApp(AppModule, { service: 'matching' });
