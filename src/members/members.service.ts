import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { conflict, invalidInput, memberNotFound } from '../http/api-errors';
import { recordMemberChange } from '../jobs/outbox/outbox';
import { subregionOf } from '../reference/countries';
import { ThemesService } from '../themes/themes.service';
import { CreateMemberDto } from './dto/create-member.dto';
import { ListMembersQuery } from './dto/list-members.query';
import { UpdateMemberDto } from './dto/update-member.dto';
import { Member } from './member.entity';
import { type MemberView, toMemberView } from './member-view';
import type { ThemeLevels } from './member-record';

export interface MemberPage {
  items: MemberView[];
  total: number;
  limit: number;
  offset: number;
}

/** The member registry: every write to a member goes through here. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly themes: ThemesService,
  ) {}

  async get(id: string): Promise<MemberView> {
    const member = await this.dataSource.manager.findOneBy(Member, { id });
    if (!member) throw memberNotFound(id);
    return toMemberView(member);
  }

  async list(query: ListMembersQuery): Promise<MemberPage> {
    const builder = this.dataSource.manager.createQueryBuilder(Member, 'm');
    if (query.country) builder.andWhere('m.country = :country', { country: query.country });
    if (query.subregion) builder.andWhere('m.subregion = :subregion', { subregion: query.subregion });
    if (query.status) builder.andWhere('m.status = :status', { status: query.status });
    if (query.needs) builder.andWhere('(m.needs -> :needs) IS NOT NULL', { needs: query.needs });
    if (query.offers) builder.andWhere('(m.offers -> :offers) IS NOT NULL', { offers: query.offers });
    if (query.q) builder.andWhere('m.name ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    const [members, total] = await builder
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items: members.map(toMemberView), total, limit: query.limit, offset: query.offset };
  }

  async create(dto: CreateMemberDto): Promise<MemberView> {
    const knownThemes = await this.themes.knownSlugs();
    return this.dataSource.transaction(async (manager) => {
      const id = dto.id ?? randomUUID();
      if (await manager.existsBy(Member, { id })) throw conflict(`member "${id}" already exists`, { id });
      const member = manager.create(Member, {
        id,
        name: dto.name,
        country: dto.country,
        subregion: subregionOf(dto.country),
        lat: dto.lat,
        lon: dto.lon,
        population: dto.population,
        languages: dto.languages,
        level: dto.level ?? 'city',
        status: dto.status ?? 'active',
        needs: dto.needs,
        offers: dto.offers,
        partners: dto.partners ?? [],
        dismissed: dto.dismissed ?? [],
        contactName: dto.contact?.name ?? null,
        contactEmail: dto.contact?.email ?? null,
        openToPartnerships: dto.openToPartnerships ?? true,
        capacity: dto.capacity ?? null,
        synthetic: dto.synthetic ?? false,
      });
      await this.checkReferences(manager, member, knownThemes);
      const saved = await manager.save(member);
      await recordMemberChange(manager, saved.id);
      return toMemberView(saved);
    });
  }

  /** Applies a partial change if `version` is still current; otherwise 409 and nothing changes. */
  async update(id: string, dto: UpdateMemberDto): Promise<MemberView> {
    const knownThemes = await this.themes.knownSlugs();
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(Member, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw memberNotFound(id);
      if (member.version !== dto.version) {
        throw conflict(`member "${id}" has changed since version ${dto.version}; read it again and retry`, {
          currentVersion: member.version,
        });
      }
      const { version: _version, contact, ...fields } = dto;
      const scoredBefore = scoredFields(member);
      Object.assign(member, fields);
      if (fields.country) member.subregion = subregionOf(fields.country)!;
      if (contact !== undefined) {
        member.contactName = contact?.name ?? null;
        member.contactEmail = contact?.email ?? null;
      }
      await this.checkReferences(manager, member, knownThemes);
      const saved = await manager.save(member);
      if (scoredFields(saved) !== scoredBefore) await recordMemberChange(manager, id);
      return toMemberView(saved);
    });
  }

  /** Withdrawal keeps the record: the member becomes inactive and gets no suggestions. */
  async withdraw(id: string): Promise<MemberView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(Member, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw memberNotFound(id);
      if (member.status === 'inactive') return toMemberView(member);
      member.status = 'inactive';
      const saved = await manager.save(member);
      await recordMemberChange(manager, id);
      return toMemberView(saved);
    });
  }

  /** Inside a transaction, every query must use its manager: the embedded database has one connection. */
  private async checkReferences(manager: EntityManager, member: Member, knownThemes: ReadonlySet<string>): Promise<void> {
    const details: Array<{ field: string; message: string }> = [];
    const checkThemes = (field: 'needs' | 'offers', levels: ThemeLevels) => {
      for (const slug of Object.keys(levels)) {
        if (!knownThemes.has(slug))
          details.push({ field: `${field}.${slug}`, message: `unknown theme "${slug}" (see GET /api/v1/themes)` });
      }
    };
    checkThemes('needs', member.needs);
    checkThemes('offers', member.offers);

    const referenced = [...new Set([...member.partners, ...member.dismissed])];
    const found = referenced.length
      ? new Set<string>(
          (await manager.query('SELECT id FROM members WHERE id = ANY($1)', [referenced])).map((row: { id: string }) => row.id),
        )
      : new Set<string>();
    for (const field of ['partners', 'dismissed'] as const) {
      member[field].forEach((other, position) => {
        if (other === member.id) details.push({ field: `${field}[${position}]`, message: `a member cannot list itself in ${field}` });
        else if (!found.has(other)) details.push({ field: `${field}[${position}]`, message: `unknown member id "${other}"` });
      });
    }
    if (details.length > 0) throw invalidInput(details.map((detail) => detail.message).join('; '), details);
  }
}

/** The fields that scores depend on; a change elsewhere (name, contact) needs no recompute. */
function scoredFields(member: Member): string {
  const { country, population, lat, lon, languages, status, needs, offers, partners, dismissed, openToPartnerships, capacity } = member;
  return JSON.stringify([
    country,
    population,
    lat,
    lon,
    languages,
    status,
    needs,
    offers,
    partners,
    dismissed,
    openToPartnerships,
    capacity,
  ]);
}
