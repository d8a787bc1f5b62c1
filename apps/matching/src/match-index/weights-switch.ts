import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { weightsInForce } from '../weights/weights-in-force.js';
import { lockIndex } from './index-lock.js';
import { IndexState } from './index-state.js';
import { RefillWorker } from './refill-worker.js';

/**
 * Moves the index to the weights version in force when it is not the one the lists are built with, and queues every
 * list for a rebuild with it (lists of an older version are rebuilt, not patched). Checked when a version is
 * recorded (`matching.match_weights.recorded`) and every MATCH_WEIGHTS_CHECK_MS, for versions whose effective date
 * arrives later.
 */
@Injectable()
export class WeightsSwitch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WeightsSwitch.name);
  private timer?: NodeJS.Timeout;
  private checking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly index: IndexState,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refills: RefillWorker,
    private readonly config: ConfigService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.checking = this.dataSource
        .transaction((manager) => this.switchIfDue(manager))
        .then((switched) => switched && this.refills.wake())
        .catch((error: Error) => this.logger.error(`checking the weights in force failed: ${error.message}`));
    }, this.config.getOrThrow<number>('MATCH_WEIGHTS_CHECK_MS'));
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** Answers whether it moved the index (the exclusive lock is taken only then). */
  async switchIfDue(manager: EntityManager): Promise<boolean> {
    const now = this.index.now();
    const inForce = await weightsInForce(manager, now);
    if ((await this.index.weightsInUse(manager)).versionId === inForce.versionId) return false;
    await lockIndex(manager, 'exclusive');
    const [state]: { weights_version_id: string }[] = await manager.query(
      'SELECT weights_version_id FROM match_index_state WHERE id = 1 FOR UPDATE',
    );
    if (state?.weights_version_id === inForce.versionId) return false;
    await manager.query(
      'UPDATE match_index_state SET weights_version_id = $1, updated_at = $2 WHERE id = 1',
      [inForce.versionId, now],
    );
    await manager.query(
      `INSERT INTO match_refills (side, owner_id, reason, enqueued_at)
       SELECT 'investor', investor_id, 'weights', $1::timestamptz FROM investor_match_lists WHERE active
       UNION ALL SELECT 'project', project_id, 'weights', $1::timestamptz FROM catalogued_projects WHERE published
       ON CONFLICT (side, owner_id) DO NOTHING`,
      [now],
    );
    this.logger.log(`match weights ${inForce.versionId} in force: every stored list queued for a rebuild`);
    return true;
  }
}
