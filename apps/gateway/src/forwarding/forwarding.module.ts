import { ROUTE_CATALOGUE } from '@khoinghiep/contracts';
import { Module } from '@nestjs/common';
import { forwardingController } from './forwarding-controller.js';
import { RouteForwarder } from './route-forwarder.service.js';

/** Every declared route of every service, forwarded: the gateway writes no code per route. */
@Module({ controllers: [forwardingController(ROUTE_CATALOGUE)], providers: [RouteForwarder] })
export class ForwardingModule {}
