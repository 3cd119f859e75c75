import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Clock } from '../clock';
import { BoardCache } from './board.cache';
import { BoardRepository, type WatchedPartnership } from './board.repository';
import type { ListPartnershipsQuery } from './dto/list-partnerships.query';
import { STAGES } from './partnership-stages';

const CSV_COLUMNS = [
  'id',
  'memberA',
  'memberB',
  'kind',
  'stage',
  'origin',
  'themes',
  'owner',
  'score',
  'nextStep',
  'nextStepDue',
  'openedAt',
  'stageChangedAt',
  'lastActivityOn',
  'updatedAt',
] as const;

/** The secretariat's view of all partnerships: filtered pages, CSV, and the board. */
@Injectable()
export class BoardService {
  constructor(
    private readonly board: BoardRepository,
    private readonly cache: BoardCache,
    private readonly clock: Clock,
  ) {}

  /**
   * A page and the total its filter matches, as JSON, both kept per state of the partnerships and minute. Both count
   * "stalled" at the same minute.
   */
  async listJson(query: ListPartnershipsQuery): Promise<string> {
    const at = this.cache.minute();
    const { itemsJson, stamp } = await this.cache.page(query, at);
    const total = await this.cache.total(query, at, stamp);
    return `{"items":${itemsJson},"total":${total},"limit":${query.limit},"offset":${query.offset}}`;
  }

  async csv(query: ListPartnershipsQuery): Promise<string> {
    const items = await this.board.page(query, this.cache.minute());
    return stringify(
      items.map((item) => ({ ...item, themes: item.themes.join(' ') })),
      { header: true, columns: [...CSV_COLUMNS] },
    );
  }

  /** Stalled and dormant partnerships (at most `limit` of each), longest waiting first, for the secretariat's digest. */
  async watchList(limit: number) {
    const { stalled, dormant } = await this.board.watchList(this.clock.now(), limit);
    const since = (row: WatchedPartnership) => ({ ...row, since: new Date(row.since).toISOString() });
    return { stalled: stalled.map(since), dormant: dormant.map(since) };
  }

  async figures() {
    const { figures: f } = await this.cache.figures();
    const count = (rows: Array<{ stage: string; count: number }>) =>
      Object.fromEntries(STAGES.map((s) => [s, rows.find((r) => r.stage === s)?.count ?? 0]));
    const since = (row: { since: Date | string }) => ({ ...row, since: new Date(row.since).toISOString() });
    return {
      stages: count(f.stages),
      stalled: f.stalled.map(since),
      dormant: f.dormant.map(since),
      medianDaysInStage: Object.fromEntries(
        f.medians.map((row: { stage: string; days: number }) => [row.stage, Math.round(Number(row.days) * 10) / 10]),
      ),
      openedLast12Months: {
        opened: f.conversion.opened,
        reachedAgreement: f.conversion.agreed,
        share: f.conversion.opened ? f.conversion.agreed / f.conversion.opened : null,
      },
      themes: f.themes,
      subregions: f.subregions,
    };
  }
}
