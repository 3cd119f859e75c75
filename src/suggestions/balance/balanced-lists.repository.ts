import type { ScoredCandidate } from '@citymatch/matching';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlRepository } from '../../database/sql-repository';

/** What a balancing run computed its lists from, and when. */
export interface BalancedRun {
  /** A fingerprint of the inputs (generation, pipeline state, exclusions): equal means nothing to do. */
  basedOn: string;
  generationId: number;
  startedAt: Date;
  computedAt: Date;
  tookMs: number;
  lists: number;
}

export interface BalancedSnapshot {
  run: BalancedRun | undefined;
  lists: Map<string, ScoredCandidate[]>;
}

/** Members per INSERT statement (one JSON object parameter each). */
const WRITE_SLICE = 2000;
const RUN_COLUMNS = `based_on AS "basedOn", generation_id AS "generationId", started_at AS "startedAt",
  computed_at AS "computedAt", took_ms AS "tookMs", lists`;

/** The default lists and their run row: the one owner of `balanced_lists` and `balanced_runs`. */
@Injectable()
export class BalancedListsRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource.manager);
  }

  async lastRun(): Promise<BalancedRun | undefined> {
    const [row] = await this.manager.query(`SELECT ${RUN_COLUMNS} FROM balanced_runs WHERE id = 1`);
    return row;
  }

  /** Every stored list with its run, read in one transaction so that the two agree. */
  snapshot(): Promise<BalancedSnapshot> {
    return this.manager.transaction(async (manager) => {
      const [run] = await manager.query(`SELECT ${RUN_COLUMNS} FROM balanced_runs WHERE id = 1`);
      const rows: Array<{ member_id: string; suggestions: Array<[string, number]> }> = await manager.query(
        'SELECT member_id, suggestions FROM balanced_lists',
      );
      const lists = new Map(rows.map((row) => [row.member_id, row.suggestions.map(([id, score]) => ({ id, score }))]));
      return { run, lists };
    });
  }

  /**
   * Replaces every list and the run row, unless a run that started later is already stored (two
   * processes balancing at once: the newer inputs win). Call inside a transaction. Whether it stored.
   */
  async replace(run: BalancedRun, lists: Map<string, ScoredCandidate[]>): Promise<boolean> {
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['citymatch.balanced-lists']);
    const last = await this.lastRun();
    if (last && new Date(last.startedAt) > run.startedAt) return false;
    await this.manager.query('DELETE FROM balanced_lists');
    const entries = [...lists];
    for (let from = 0; from < entries.length; from += WRITE_SLICE) {
      const slice = Object.fromEntries(entries.slice(from, from + WRITE_SLICE).map(([id, list]) => [id, list.map((c) => [c.id, c.score])]));
      await this.manager.query('INSERT INTO balanced_lists (member_id, suggestions) SELECT key, value FROM jsonb_each($1::jsonb)', [
        JSON.stringify(slice),
      ]);
    }
    await this.manager.query(
      `INSERT INTO balanced_runs (id, based_on, generation_id, started_at, computed_at, took_ms, lists)
       VALUES (1, $1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET based_on = $1, generation_id = $2, started_at = $3, computed_at = $4, took_ms = $5, lists = $6`,
      [run.basedOn, run.generationId, run.startedAt, run.computedAt, run.tookMs, run.lists],
    );
    return true;
  }

  /** Makes the space of the replaced lists reusable, so that the table does not grow with every run. */
  async vacuum(): Promise<void> {
    await this.manager.query('VACUUM balanced_lists, balanced_runs');
  }
}
