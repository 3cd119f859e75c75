import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { conflict, invalidInput, memberNotFound } from '../http/api-errors';
import { recordMemberChange } from '../jobs/outbox/outbox';
import { subregionOf } from '../reference/countries';
import { ThemesService } from '../themes/themes.service';
import { MemberContactsService } from '../users';
import { CreateMemberDto } from './dto/create-member.dto';
import { ListMembersQuery } from './dto/list-members.query';
import { UpdateMemberDto } from './dto/update-member.dto';
import type { Member } from './member.entity';
import { type MemberView, toMemberView } from './member-view';
import { MembersRepository } from './members.repository';
import { scoredFieldsOf } from './scored-fields';
import { checkReferences } from './validation/check-references';

export interface MemberPage {
  items: MemberView[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * The member registry: every write to a member goes through here, whichever module asks for it
 * (dismissals, partner links, profiles), and records the change for the suggestions in the same
 * transaction.
 */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersRepository,
    private readonly themes: ThemesService,
    private readonly contacts: MemberContactsService,
  ) {}

  async get(id: string): Promise<MemberView> {
    const member = await this.members.findById(id);
    if (!member) throw memberNotFound(id);
    return toMemberView(member);
  }

  async exists(id: string, manager?: EntityManager): Promise<boolean> {
    return (manager ? this.members.within(manager) : this.members).exists(id);
  }

  async list(query: ListMembersQuery): Promise<MemberPage> {
    const [members, total] = await this.members.list(query);
    return { items: members.map(toMemberView), total, limit: query.limit, offset: query.offset };
  }

  async create(dto: CreateMemberDto): Promise<MemberView> {
    const knownThemes = await this.themes.knownSlugs();
    return this.dataSource.transaction(async (manager) => {
      const members = this.members.within(manager);
      const id = dto.id ?? randomUUID();
      if (await members.exists(id))
        throw conflict(`member "${id}" already exists`, [{ field: 'id', message: `a member with the id "${id}" exists` }]);
      const member = members.create({
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
      await checkReferences(members, member, knownThemes);
      const saved = await members.save(member);
      await recordMemberChange(manager, saved.id);
      await this.contacts.sync(manager, [{ memberId: id, ...dto.contact }]);
      return toMemberView(saved);
    });
  }

  /** Applies a partial change if `version` is still current; otherwise 409 and nothing changes. */
  async update(id: string, dto: UpdateMemberDto): Promise<MemberView> {
    const knownThemes = await this.themes.knownSlugs();
    return this.dataSource.transaction(async (manager) => {
      const members = this.members.within(manager);
      const member = await this.locked(members, id);
      if (member.version !== dto.version) {
        const stale = `version ${dto.version} is not the current version ${member.version}`;
        throw conflict(
          `member "${id}" has changed since version ${dto.version}; read it again and retry`,
          [{ field: 'version', message: stale }],
          {
            currentVersion: member.version,
          },
        );
      }
      const { version: _version, contact, ...fields } = dto;
      const scoredBefore = scoredFieldsOf(member);
      Object.assign(member, fields);
      if (fields.country) member.subregion = subregionOf(fields.country)!;
      if (contact !== undefined) {
        member.contactName = contact?.name ?? null;
        member.contactEmail = contact?.email ?? null;
      }
      await checkReferences(members, member, knownThemes);
      // Partners follow from partnerships (an agreement links a pair); the member record only reports them.
      if (fields.partners !== undefined)
        throw invalidField('partners', 'partners follow from partnerships: open or move one at /api/v1/partnerships');
      const saved = await members.save(member);
      if (scoredFieldsOf(saved) !== scoredBefore) await recordMemberChange(manager, id);
      if (contact !== undefined) await this.contacts.sync(manager, [{ memberId: id, ...contact }]);
      return toMemberView(saved);
    });
  }

  /** Withdrawal keeps the record: the member becomes inactive and gets no suggestions. */
  async withdraw(id: string): Promise<MemberView> {
    return this.change(id, (member) => {
      if (member.status === 'inactive') return false;
      member.status = 'inactive';
      return true;
    });
  }

  /** "Not interested": the candidate leaves the member's suggestions until the dismissal is undone. */
  async dismiss(memberId: string, candidateId: string, reason?: string): Promise<MemberView> {
    return this.change(memberId, async (member, members) => {
      if (candidateId === memberId) throw invalidField('candidateId', 'a member cannot dismiss itself');
      if (!(await members.exists(candidateId))) throw invalidField('candidateId', `unknown member id "${candidateId}"`);
      await members.keepDismissalNote(memberId, candidateId, reason ?? null);
      if (member.dismissed.includes(candidateId)) return false;
      member.dismissed = [...member.dismissed, candidateId];
      return true;
    });
  }

  async undoDismissal(memberId: string, candidateId: string): Promise<MemberView> {
    return this.change(memberId, async (member, members) => {
      if (!member.dismissed.includes(candidateId)) {
        throw new NotFoundException({ message: `member "${memberId}" has not dismissed "${candidateId}"` });
      }
      await members.deleteDismissalNote(memberId, candidateId);
      member.dismissed = member.dismissed.filter((id) => id !== candidateId);
      return true;
    });
  }

  /** Links two members as partners, on both sides; inside `manager`'s transaction when one is given. */
  addPartners(a: string, b: string, manager?: EntityManager): Promise<[MemberView, MemberView]> {
    return this.changePair(a, b, manager, (member, other) => {
      if (member.partners.includes(other)) return false;
      member.partners = [...member.partners, other];
      return true;
    });
  }

  /** Removes the partner link between two members, on both sides. */
  removePartners(a: string, b: string, manager?: EntityManager): Promise<[MemberView, MemberView]> {
    return this.changePair(a, b, manager, (member, other) => {
      if (!member.partners.includes(other)) return false;
      member.partners = member.partners.filter((id) => id !== other);
      return true;
    });
  }

  /**
   * Something the suggestions read besides the member row changed for these members (a partnership
   * ended or was reopened): a new row version makes the pipeline read them again, and the outbox
   * updates their suggestions.
   */
  async eligibilityChanged(ids: string[], manager: EntityManager): Promise<void> {
    await this.members.within(manager).touch(ids);
    for (const id of ids) await recordMemberChange(manager, id);
  }

  /** Locks the member, lets `apply` change it (answering whether it did), saves and records the change. */
  private change(
    id: string,
    apply: (member: Member, members: MembersRepository) => boolean | Promise<boolean>,
    manager?: EntityManager,
  ): Promise<MemberView> {
    const work = async (manager: EntityManager) => {
      const members = this.members.within(manager);
      const member = await this.locked(members, id);
      if (!(await apply(member, members))) return toMemberView(member);
      const saved = await members.save(member);
      await recordMemberChange(manager, id);
      return toMemberView(saved);
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  private async changePair(
    a: string,
    b: string,
    manager: EntityManager | undefined,
    apply: (member: Member, other: string) => boolean,
  ): Promise<[MemberView, MemberView]> {
    if (a === b) throw invalidField('partners', 'a member cannot be its own partner');
    const work = async (manager: EntityManager) => {
      // Locked in id order, so that two requests linking the same pair cannot wait on each other.
      const [first, second] = a < b ? [a, b] : [b, a];
      await this.locked(this.members.within(manager), first);
      await this.locked(this.members.within(manager), second);
      const viewA = await this.change(a, (member) => apply(member, b), manager);
      const viewB = await this.change(b, (member) => apply(member, a), manager);
      return [viewA, viewB] as [MemberView, MemberView];
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  private async locked(members: MembersRepository, id: string): Promise<Member> {
    const member = await members.lockById(id);
    if (!member) throw memberNotFound(id);
    return member;
  }
}

function invalidField(field: string, message: string) {
  return invalidInput(message, [{ field, message }]);
}
