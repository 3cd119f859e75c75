import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ListPartnershipsQuery } from './dto/list-partnerships.query';
import { TRANSITIONS } from './partnership-stages';
import { PARTNERSHIP_COLUMNS, toPartnershipRecord } from './partnerships.repository';
import type { PartnershipRecord } from './partnership.types';

export const STALLED_AFTER_DAYS = 60;

export interface WatchedPartnership {
  id: string;
  stage: string;
  since: Date | string;
  nameA: string;
  countryA: string;
  nameB: string;
  countryB: string;
}

const SORT_SQL = {
  updated: 'p.updated_at DESC, p.id',
  opened: 'p.opened_at DESC, p.id',
  'stage-changed': 'p.stage_changed_at DESC, p.id',
  score: 'p.score DESC NULLS LAST, p.id',
} as const;

const STALLED_SQL = `(p.stage IN ('interest', 'introduced', 'exploring') AND p.stage_changed_at < $1::timestamptz - interval '${STALLED_AFTER_DAYS} days')`;

/** Moves with every committed change of the partnerships (migration 1765000000000). */
const STAMP_SQL = `(SELECT count FROM partnership_changes)::text`;

/** The WHERE clause of a list query and its values; $1 is `now`. */
function listFilter(query: ListPartnershipsQuery, now: Date): { filter: string; values: unknown[] } {
  const values: unknown[] = [now];
  // $1 (now) is typed here, whether or not the stalled filter reads it.
  const where: string[] = ['$1::timestamptz IS NOT NULL'];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    where.push(sql.replaceAll('?', `$${values.length}`));
  };
  if (query.stage) add('p.stage = ?', query.stage);
  if (query.member) add('(p.member_a = ? OR p.member_b = ?)', query.member);
  // Containment, not = ANY: the form the GIN index on themes answers.
  if (query.theme) add('p.themes @> ARRAY[?]::text[]', query.theme);
  if (query.kind) add('p.kind = ?', query.kind);
  if (query.owner) add('p.owner = ?', query.owner);
  if (query.updatedSince) add('p.updated_at >= ?', query.updatedSince);
  if (query.subregion)
    // Two hashed subplans over the subregion's members: a correlated EXISTS ran once per partnership.
    add(
      '(p.member_a IN (SELECT id FROM members WHERE subregion = ?) OR p.member_b IN (SELECT id FROM members WHERE subregion = ?))',
      query.subregion,
    );
  if (query.stalled !== undefined) where.push(query.stalled ? STALLED_SQL : `NOT ${STALLED_SQL}`);
  if (query.dormant !== undefined) where.push(query.dormant ? `p.stage = 'dormant'` : `p.stage <> 'dormant'`);
  return { filter: `WHERE ${where.join(' AND ')}`, values };
}

/** A page's SELECT, with `?` in `outer` standing for it; `extra` adds columns to each partnership. */
function pageQuery(query: ListPartnershipsQuery, now: Date, outer: string, extra = ''): { sql: string; values: unknown[] } {
  const { filter, values } = listFilter(query, now);
  values.push(query.limit, query.offset);
  const columns = extra ? `${PARTNERSHIP_COLUMNS}, ${extra}` : PARTNERSHIP_COLUMNS;
  const page = `SELECT ${columns} FROM partnerships p ${filter}
    ORDER BY ${SORT_SQL[query.sort]} LIMIT $${values.length - 1} OFFSET $${values.length}`;
  return { sql: outer.replace('(?)', `(${page})`), values };
}

/** The secretariat's read side: filtered pages and the board's figures. */
@Injectable()
export class BoardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page, without its total (which counts the whole filtered set: see `count`). With a stage filter the page is read
   * from the (stage, updated_at, id) index and stops after `limit` rows.
   */
  async page(query: ListPartnershipsQuery, now: Date): Promise<PartnershipRecord[]> {
    const { sql, values } = pageQuery(query, now, '(?)');
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(sql, values);
    return rows.map(toPartnershipRecord);
  }

  /**
   * The same page as a JSON array written by the database, each partnership with its allowed moves (read from the
   * transition table): the rows are neither parsed into objects nor serialised again, which was most of the list's cost.
   * Each row carries its place in the sort order, which json_agg orders by and drops: an aggregate is not bound to keep
   * the order of a sorted subquery.
   */
  async pageJson(query: ListPartnershipsQuery, now: Date): Promise<{ itemsJson: string; stamp: string }> {
    const { sql, values } = pageQuery(
      query,
      now,
      `SELECT ${STAMP_SQL} AS stamp,
        coalesce((SELECT json_agg(to_jsonb(page) - 'place' ORDER BY page.place) FROM (?) page), '[]')::text AS "itemsJson"`,
      `($moves::jsonb -> p.stage) AS "allowedMoves", row_number() OVER (ORDER BY ${SORT_SQL[query.sort]}) AS place`,
    );
    values.push(JSON.stringify(TRANSITIONS));
    const [row] = await this.dataSource.query(sql.replace('$moves', `$${values.length}`), values);
    return row;
  }

  /** How many partnerships the filter matches, and the state of the partnerships it counted. */
  async count(query: ListPartnershipsQuery, now: Date): Promise<{ total: number; stamp: string }> {
    const { filter, values } = listFilter(query, now);
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM partnerships p ${filter}) AS total, ${STAMP_SQL} AS stamp`,
      values,
    );
    return { total: row.total, stamp: row.stamp };
  }

  /** What the secretariat should look at: stalled and dormant partnerships, longest waiting first, with the members' names. */
  async watchList(now: Date, limit: number) {
    const pair = `p.id, p.stage, p.stage_changed_at AS "since", a.name AS "nameA", a.country AS "countryA", b.name AS "nameB", b.country AS "countryB"
      FROM partnerships p JOIN members a ON a.id = p.member_a JOIN members b ON b.id = p.member_b`;
    const [stalled, dormant] = [
      await this.dataSource.query(`SELECT ${pair} WHERE ${STALLED_SQL} ORDER BY p.stage_changed_at, p.id LIMIT $2`, [now, limit]),
      await this.dataSource.query(`SELECT ${pair} WHERE p.stage = 'dormant' ORDER BY p.stage_changed_at, p.id LIMIT $1`, [limit]),
    ];
    return { stalled: stalled as WatchedPartnership[], dormant: dormant as WatchedPartnership[] };
  }

  /** Moves with every committed change of the partnerships. */
  async changeStamp(): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT ${STAMP_SQL} AS stamp`);
    return row.stamp;
  }

  async figures(now: Date) {
    const [stages, stalled, dormant, medians, conversion, themes, subregions] = [
      await this.dataSource.query(`SELECT stage, count(*)::int AS count FROM partnerships GROUP BY stage`),
      await this.dataSource.query(
        `SELECT p.id, p.member_a AS "memberA", p.member_b AS "memberB", p.stage, p.stage_changed_at AS "since" FROM partnerships p
         WHERE ${STALLED_SQL} ORDER BY p.stage_changed_at LIMIT 100`,
        [now],
      ),
      await this.dataSource.query(
        `SELECT p.id, p.member_a AS "memberA", p.member_b AS "memberB", p.stage_changed_at AS "since" FROM partnerships p
         WHERE p.stage = 'dormant' ORDER BY p.stage_changed_at LIMIT 100`,
      ),
      // Time in each stage: from entering it to leaving it (or now, for the current one).
      await this.dataSource.query(
        `SELECT to_stage AS stage,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (coalesce(left_at, $1::timestamptz) - at)) / 86400) AS days
         FROM (SELECT to_stage, at, lead(at) OVER (PARTITION BY partnership_id ORDER BY at, id) AS left_at FROM partnership_stage_changes) s
         GROUP BY to_stage`,
        [now],
      ),
      await this.dataSource.query(
        `SELECT count(*)::int AS opened,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM partnership_stage_changes c WHERE c.partnership_id = p.id AND c.to_stage = 'agreement'))::int AS agreed
         FROM partnerships p WHERE p.opened_at >= $1::timestamptz - interval '12 months' AND p.origin <> 'imported'`,
        [now],
      ),
      await this.dataSource.query(
        `SELECT theme, count(*)::int AS count FROM partnerships, unnest(themes) AS theme GROUP BY theme ORDER BY count DESC, theme`,
      ),
      await this.dataSource.query(
        // Each side joined on its own (an OR join would compare every partnership with every member).
        `SELECT m.subregion, count(DISTINCT s.id)::int AS count
         FROM (SELECT id, member_a AS member FROM partnerships UNION ALL SELECT id, member_b FROM partnerships) s
         JOIN members m ON m.id = s.member GROUP BY m.subregion ORDER BY count DESC, m.subregion`,
      ),
    ];
    return { stages, stalled, dormant, medians, conversion: conversion[0], themes, subregions };
  }
}
