import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/**
 * Import once in a service that has idempotent routes; add `IdempotencyRecord` to its entities and
 * `IdempotencyRecords1791000005000` to its migrations.
 */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule {}
