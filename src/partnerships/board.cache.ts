import { Injectable } from '@nestjs/common';
import { Clock } from '../clock';
import { BoardRepository } from './board.repository';
import type { ListPartnershipsQuery } from './dto/list-partnerships.query';

type Figures = Awaited<ReturnType<BoardRepository['figures']>>;

/** The figures count days and "stalled" against now: they are worked out again at least once a minute. */
const MINUTE_MS = 60_000;

/** Distinct filters whose totals, and pages whose JSON, are kept for one state; past this, the kept ones are dropped. */
const MAX_KEPT = 500;

/** Every field a list can be filtered by: a total is kept per combination of their values. */
const FILTERS = ['stage', 'member', 'subregion', 'stalled', 'dormant', 'owner', 'kind', 'theme', 'updatedSince'] as const;

type PageJson = Awaited<ReturnType<BoardRepository['pageJson']>>;

/** What is kept for one state of the partnerships and one minute. */
interface Kept {
  state: string;
  totals: Map<string, Promise<{ total: number; stamp: string }>>;
  pages: Map<string, Promise<PageJson>>;
}

/**
 * The board's figures, and the filtered lists' totals and pages, the last ones worked out. Invalidated by any committed
 * change of the partnerships, by any process, as the database's change counter tells it (`changeStamp`), and by the
 * minute turning, which also bounds how long a member's move to another subregion goes unseen. A kept value is kept
 * only when it was read in the state it is kept under; concurrent readers of the same state share one computation.
 */
@Injectable()
export class BoardCache {
  private last: { stamp: string; figures: Promise<Figures> } | null = null;
  private kept: Kept = { state: '', totals: new Map(), pages: new Map() };

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

  /** A page of the list as JSON, with the state it was read in: one cheap read of the counter when the page is kept. */
  async page(query: ListPartnershipsQuery, at: Date): Promise<PageJson> {
    const stamp = await this.board.changeStamp();
    const key = JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)));
    return this.keep(this.keptFor(stamp, at).pages, key, stamp, () => this.board.pageJson(query, at));
  }

  /** How many partnerships the list's filter matches at `at`, in the state `stamp` names (as the page read it). */
  total(query: ListPartnershipsQuery, at: Date, stamp: string): Promise<number> {
    const filter = JSON.stringify(FILTERS.map((field) => query[field] ?? null));
    return this.keep(this.keptFor(stamp, at).totals, filter, stamp, () => this.board.count(query, at)).then(({ total }) => total);
  }

  private keptFor(stamp: string, at: Date): Kept {
    const state = `${stamp}|${at.getTime()}`;
    if (this.kept.state !== state || this.kept.totals.size + this.kept.pages.size >= MAX_KEPT)
      this.kept = { state, totals: new Map(), pages: new Map() };
    return this.kept;
  }

  /** The value under `key`, read once; kept only when the read saw the state `stamp` names, and not when it failed. */
  private keep<T extends { stamp: string }>(kept: Map<string, Promise<T>>, key: string, stamp: string, read: () => Promise<T>): Promise<T> {
    const known = kept.get(key);
    if (known) return known;
    const reading = read();
    kept.set(key, reading);
    reading.then(
      (value) => value.stamp !== stamp && kept.get(key) === reading && kept.delete(key),
      () => kept.get(key) === reading && kept.delete(key),
    );
    return reading;
  }
}
