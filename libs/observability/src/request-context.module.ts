import { Global, Module } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ClsModule } from 'nestjs-cls';
import { CORRELATION_ID_HEADER, correlationIdFrom, type RequestContextStore } from './request-context.js';

/** Gives every HTTP request a context holding its correlation id (echoed back in the response header). */
@Global()
@Module({
  imports: [
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        idGenerator: (req: Request) => correlationIdFrom(req.headers[CORRELATION_ID_HEADER]),
        setup: (cls, _req: Request, res: Response) => {
          const correlationId = cls.getId();
          cls.set<RequestContextStore['correlationId']>('correlationId', correlationId);
          res.setHeader(CORRELATION_ID_HEADER, correlationId);
        },
      },
    }),
  ],
})
export class RequestContextModule {}
