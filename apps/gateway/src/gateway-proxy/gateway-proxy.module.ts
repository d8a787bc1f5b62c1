import { Global, Module } from '@nestjs/common';
import { ServiceDirectory } from './service-directory.js';

/** HTTP clients to the services, for any gateway feature to inject (`ServiceDirectory`). */
@Global()
@Module({ providers: [ServiceDirectory], exports: [ServiceDirectory] })
export class GatewayProxyModule {}
