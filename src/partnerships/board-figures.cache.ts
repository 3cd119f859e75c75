import { Injectable } from '@nestjs/common';
import { Clock } from '../clock';
import { BoardRepository } from './board.repository';

type Figures = Awaited<ReturnType<BoardRepository['figures']>>;

/** The figures count days and "stalled" against now: they are worked out again at least once a minute. */
const MINUTE_MS = 60_000;

/**
 * The board's figures, the last ones worked out. Invalidated by any change of the partnerships as the database tells it
 * (the newest updated_at and the newest stage change, so a write by any process counts) and by the minute turning.
 * The figures scan every partnership and its history; concurrent readers of the same state share one computation.
 */
@Injectable()
export class BoardFiguresCache {
  private last: { stamp: string; figures: Promise<Figures> } | null = null;

  constructor(
    private readonly board: BoardRepository,
    private readonly clock: Clock,
  ) {}

  async figures(): Promise<{ figures: Figures; now: Date }> {
    const now = this.clock.now();
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    const stamp = `${await this.board.changeStamp()}|${minute}`;
    if (this.last?.stamp !== stamp) {
      const at = new Date(minute * MINUTE_MS);
      const figures = this.board.figures(at);
      this.last = { stamp, figures };
      // A failed computation is not kept.
      figures.catch(() => {
        if (this.last?.figures === figures) this.last = null;
      });
    }
    return { figures: await this.last.figures, now: new Date(minute * MINUTE_MS) };
  }
}
