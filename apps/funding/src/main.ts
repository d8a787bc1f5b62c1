import 'reflect-metadata';
import { connectEventConsumer } from '@khoinghiep/messaging';
import { runApp } from '@khoinghiep/platform';
import { AppModule } from './app.module.js';

await runApp(AppModule, { service: 'funding', configure: connectEventConsumer });
