import { Injectable } from '@nestjs/common';
import { Clock } from '../clock';
import { BoardRepository } from './board.repository';
import type { ListPartnershipsQuery } from './dto/list-partnerships.query';

type Figures = Awaited<ReturnType<BoardRepository['figures']>>;

/** The figures count days and "stalled" against now: they are worked out again at least once a minute. */
const MINUTE_MS = 60_000;

/** Distinct filters whose totals are kept for one state; past this, the kept ones are dropped. */
const MAX_TOTALS = 500;

/**
 * Filters that only a partnership's opening or a stage change (each of which adds a stage change) can make it enter or
 * leave: their totals are kept. Owner, kind, themes and updatedSince change without a stage change, so their totals
 * are counted each time.
 */
const KEPT_FILTERS = ['stage', 'member', 'subregion', 'stalled', 'dormant'] as const;
const COUNTED_FILTERS = ['owner', 'kind', 'theme', 'updatedSince'] as const;

/**
 * The board's figures and the filtered lists' totals, the last ones worked out. Invalidated by any change of the
 * partnerships as the database tells it (the newest updated_at and the newest stage change, so a write by any process
 * counts) and by the minute turning, which also bounds how long a member's move to another subregion goes uncounted.
 * Both scan every partnership a filter matches, where a page reads only its own rows; concurrent readers of the same
 * state share one computation.
 */
@Injectable()
export class BoardFiguresCache {
  private last: { stamp: string; figures: Promise<Figures> } | null = null;
  private totals: { stamp: string; byFilter: Map<string, Promise<number>> } = { stamp: '', byFilter: new Map() };

  constructor(
    private readonly board: BoardRepository,
    private readonly clock: Clock,
  ) {}

  /** The instant the figures and the lists are worked out at: now, to the minute. */
  minute(): Date {
    return new Date(Math.floor(this.clock.now().getTime() / MINUTE_MS) * MINUTE_MS);
  }

  async figures(): Promise<{ figures: Figures; now: Date }> {
    const at = this.minute();
    const stamp = `${await this.board.changeStamp()}|${at.getTime()}`;
    if (this.last?.stamp !== stamp) {
      const figures = this.board.figures(at);
      this.last = { stamp, figures };
      // A failed computation is not kept.
      figures.catch(() => {
        if (this.last?.figures === figures) this.last = null;
      });
    }
    return { figures: await this.last.figures, now: at };
  }

  /** How many partnerships the list's filter matches at `at`, in the state `stamp` names (as the page read it). */
  async total(query: ListPartnershipsQuery, at: Date, stamp: string): Promise<number> {
    if (COUNTED_FILTERS.some((field) => query[field] !== undefined)) return (await this.board.count(query, at)).total;
    const state = `${stamp}|${at.getTime()}`;
    if (this.totals.stamp !== state || this.totals.byFilter.size >= MAX_TOTALS) this.totals = { stamp: state, byFilter: new Map() };
    const byFilter = this.totals.byFilter;
    const filter = JSON.stringify(KEPT_FILTERS.map((field) => query[field] ?? null));
    const kept = byFilter.get(filter);
    if (kept) return kept;
    const counted = this.board.count(query, at);
    const total = counted.then((result) => result.total);
    byFilter.set(filter, total);
    // Kept only when it counted the state the page read (a write may land in between), and not when it failed.
    counted.then(
      (result) => result.stamp !== stamp && byFilter.get(filter) === total && byFilter.delete(filter),
      () => byFilter.get(filter) === total && byFilter.delete(filter),
    );
    return total;
  }
}
