import { Clock } from '@khoinghiep/clock';
import type { EventContract } from '@khoinghiep/contracts';
import { type VersionPrecondition } from '@khoinghiep/http';
import { type Transaction, UnitOfWork } from '@khoinghiep/messaging';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { validate as isUuid } from 'uuid';
import { ProjectHistoryService } from '../history/project-history.service.js';
import { Project } from './project.entity.js';
import { IllegalProjectTransitionError, ProjectNotFoundError } from './project.errors.js';
import { type Caller, maySee } from './project-access.policy.js';
import { type ProjectTransition, transition } from './project-state-machine.js';
import { projectVersions } from './project-versions.js';

/** An event to record with a change: its contract and payload, checked against each other by the compiler. */
export interface PendingEvent<P extends object = object> {
  contract: EventContract<P>;
  payload: P;
}

export const eventOf = <P extends object>(contract: EventContract<P>, payload: P): PendingEvent =>
  ({ contract, payload }) as PendingEvent;

export interface TransitionCommand {
  action: ProjectTransition;
  precondition: VersionPrecondition | null;
  /** Throws when the caller may see the project but not do this to it (`403`). */
  authorise: (caller: Caller, project: Project) => void;
  /** Comment or reason, kept in the history. */
  comment?: string | null;
  /** Fields the action sets besides status, version and times. */
  changes?: (project: Project, now: Date) => Partial<Project>;
  /** The event telling other services, built from the project before and after. */
  event: (before: Project, after: Project) => PendingEvent;
}

/**
 * The one way a project changes: in a single transaction, lock the row, check who is asking (unknown or invisible
 * → `404`, not allowed → `403`), the version the change is based on (`412`/`409`), and the state machine (`409`);
 * then write the project, its history entry and its event (through the outbox) together.
 */
@Injectable()
export class ProjectWorkflow {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly history: ProjectHistoryService,
    private readonly clock: Clock,
  ) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.run(work);
  }

  /** The project, locked for the rest of the (enclosing) transaction, if the caller may see it. */
  async lockVisible(caller: Caller, projectId: string): Promise<Project> {
    const project = isUuid(projectId)
      ? await this.txHost.tx.findOne(Project, {
          where: { id: projectId },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
    if (!project || !maySee(caller, project)) throw new ProjectNotFoundError(projectId);
    return project;
  }

  transition(caller: Caller, projectId: string, command: TransitionCommand): Promise<Project> {
    return this.run(async (tx) => {
      const before = await this.lockVisible(caller, projectId);
      command.authorise(caller, before);
      projectVersions.assertCurrent(command.precondition, before.version);
      const outcome = transition(before.status, command.action);
      if (!outcome.allowed)
        throw new IllegalProjectTransitionError(command.action, outcome.from, outcome.allowedFrom);

      const now = this.clock.now();
      const changes: Partial<Project> = {
        ...command.changes?.(before, now),
        status: outcome.to,
        version: before.version + 1,
        updatedAt: now,
      };
      await tx.manager.update(Project, { id: before.id }, changes);
      const after = Object.assign(new Project(), before, changes);
      await this.history.record({
        projectId: after.id,
        action: command.action,
        fromStatus: before.status,
        toStatus: after.status,
        version: after.version,
        actor: caller,
        comment: command.comment ?? null,
        occurredAt: now,
      });
      const { contract, payload } = command.event(before, after);
      tx.record(contract, after.id, payload);
      return after;
    });
  }
}
