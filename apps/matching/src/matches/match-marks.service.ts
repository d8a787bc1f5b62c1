import type { AuthenticatedUser } from '@khoinghiep/auth';
import { Clock } from '@khoinghiep/clock';
import { type MarkMatchDto, type MatchMarkView, Role } from '@khoinghiep/contracts';
import { RoleRequiredError } from '@khoinghiep/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { CataloguedProject } from '../catalogue/catalogued-project.entity.js';
import { MatchProjectNotFoundError } from './match.errors.js';

/** Saving and hiding matches. Both commands are idempotent: repeating one leaves the mark (and its time) as it was. */
@Injectable()
export class MatchMarksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Marks a published project; a new mark replaces the old one, the same mark keeps its first time. */
  async mark(user: AuthenticatedUser, projectId: string, dto: MarkMatchDto): Promise<MatchMarkView> {
    requireInvestor(user);
    const published =
      isUuid(projectId) &&
      (await this.dataSource.getRepository(CataloguedProject).existsBy({ projectId, published: true }));
    if (!published) throw new MatchProjectNotFoundError(projectId);
    const [row] = (await this.dataSource.query(
      `INSERT INTO match_marks (investor_id, project_id, mark, marked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (investor_id, project_id) DO UPDATE SET
         mark = EXCLUDED.mark,
         marked_at = CASE WHEN match_marks.mark = EXCLUDED.mark THEN match_marks.marked_at ELSE EXCLUDED.marked_at END
       RETURNING mark, marked_at AS "markedAt"`,
      [user.id, projectId, dto.mark, this.clock.now()],
    )) as { mark: MatchMarkView['mark']; markedAt: Date }[];
    return {
      projectId,
      mark: row?.mark ?? dto.mark,
      markedAt: (row?.markedAt ?? this.clock.now()).toISOString(),
    };
  }

  /** Removes the mark, if any: the project is listed again (unless it is no longer published). */
  async unmark(user: AuthenticatedUser, projectId: string): Promise<MatchMarkView> {
    requireInvestor(user);
    if (isUuid(projectId)) {
      await this.dataSource.query('DELETE FROM match_marks WHERE investor_id = $1 AND project_id = $2', [
        user.id,
        projectId,
      ]);
    }
    return { projectId, mark: null, markedAt: null };
  }
}

function requireInvestor(user: AuthenticatedUser): void {
  if (!user.roles.includes(Role.Investor)) throw new RoleRequiredError([Role.Investor]);
}
