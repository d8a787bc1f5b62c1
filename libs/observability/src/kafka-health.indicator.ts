import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { type Admin, Kafka, logLevel } from 'kafkajs';

/** Ready only while the Kafka cluster answers a metadata request. */
@Injectable()
export class KafkaHealthIndicator implements OnModuleDestroy {
  private admin?: Admin;
  private connecting?: Promise<Admin>;

  constructor(
    private readonly config: ConfigService,
    private readonly health: HealthIndicatorService,
  ) {}

  isHealthy(key: string, timeoutMs: number) {
    return this.health
      .check(key)
      .attempt(async () => {
        const cluster = await (await this.connectedAdmin()).describeCluster();
        return { brokers: cluster.brokers.length };
      })
      .withTimeout(timeoutMs);
  }

  private connectedAdmin(): Promise<Admin> {
    if (this.admin) return Promise.resolve(this.admin);
    this.connecting ??= (async () => {
      const kafka = new Kafka({
        clientId: 'health',
        brokers: String(this.config.get('KAFKA_BROKERS')).split(','),
        logLevel: logLevel.NOTHING,
        retry: { retries: 0 },
        connectionTimeout: 1000,
      });
      const admin = kafka.admin();
      try {
        await admin.connect();
        this.admin = admin;
        return admin;
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect();
  }
}
