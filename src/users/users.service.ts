import { randomUUID } from 'node:crypto';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { noteAuditedEntityId, type Principal, seesWholeNetwork } from '../auth';
import { conflict, invalidInput } from '../http/api-errors';
import type { FieldError } from '../http/field-errors';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import { STAFF_ONLY_USER_FIELDS, type UpdateUserDto } from './dto/update-user.dto';
import { type UserFields, UsersRepository } from './users.repository';
import { type UserRow, type UserView, toUserView } from './user-view';

export interface UserPage {
  items: UserView[];
  total: number;
  limit: number;
  offset: number;
}

/** The people of CityMatch: every write to a user goes through here. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
  ) {}

  /** A user, if the caller may see it: staff see everyone, an official its own member's users. */
  async get(id: string, principal?: Principal): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user || (principal && !maySee(principal, user))) throw userNotFound(id);
    return toUserView(user);
  }

  /** The row itself, for other modules (sessions, digests); null when there is none. */
  findById(id: string, manager?: EntityManager): Promise<UserRow | null> {
    return this.users.findById(id, manager);
  }

  /** Several rows in one read (digests read a batch of recipients at once), by lower-case id. */
  findByIds(ids: string[]): Promise<Map<string, UserRow>> {
    return this.users.findByIds(ids);
  }

  findByEmail(email: string): Promise<UserRow | null> {
    return this.users.findByEmail(email);
  }

  /** The public unsubscribe link (and subscribing again) changes this one setting. */
  async setDigestEnabled(id: string, enabled: boolean): Promise<void> {
    if (!(await this.users.setDigestEnabled(id, enabled))) throw userNotFound(id);
  }

  /** Every active user, in pages, for the digests' scheduling (never all held at once). */
  async *activeUsers(pageSize = 2000): AsyncGenerator<UserRow[]> {
    let after: string | null = null;
    for (;;) {
      const page = await this.users.activePage(after, pageSize);
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].id;
    }
  }

  async list(query: ListUsersQuery, principal: Principal): Promise<UserPage> {
    const filter = seesWholeNetwork(principal) ? query : { ...query, memberId: principal.memberId ?? '' };
    const { rows, total } = await this.users.list(filter);
    return { items: rows.map(toUserView), total, limit: query.limit, offset: query.offset };
  }

  async create(dto: CreateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      await this.check(manager, { ...dto, memberId: dto.memberId ?? null }, null);
      const id = randomUUID();
      noteAuditedEntityId(id);
      await this.users.insert(manager, [{ id, ...dto, email: dto.email.trim(), memberId: dto.memberId ?? null }]);
      return toUserView((await this.users.findById(id, manager))!);
    });
  }

  /** Staff change anything; an official changes its own name and settings only. */
  async update(id: string, dto: UpdateUserDto, principal: Principal): Promise<UserView> {
    const { version, ...fields } = dto;
    if (!seesWholeNetwork(principal)) {
      if (principal.userId !== id) throw new ForbiddenException({ message: 'a city official may change only its own settings' });
      const forbidden = STAFF_ONLY_USER_FIELDS.filter((field) => fields[field] !== undefined);
      if (forbidden.length > 0) {
        throw new ForbiddenException({
          message: `a city official may not change ${forbidden.join(' or ')}; ask the secretariat`,
          details: forbidden.map((field) => ({ field, message: `${field} is changed by the secretariat only` })),
        });
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const current = await this.users.findById(id, manager);
      if (!current) throw userNotFound(id);
      const role = fields.role ?? current.role;
      const memberId = fields.memberId !== undefined ? fields.memberId : role === 'secretariat' ? null : current.memberId;
      await this.check(manager, { email: fields.email ?? current.email, role, memberId }, id);
      const changes: UserFields = { ...fields, memberId, email: fields.email?.trim() };
      const updated = await this.users.update(manager, id, version, changes);
      if (!updated) {
        throw conflict(`user "${id}" has changed since version ${version}; read it again and retry`, [], {
          currentVersion: current.version,
        });
      }
      return toUserView(updated);
    });
  }

  private async check(manager: EntityManager, user: { email: string; role: string; memberId: string | null }, selfId: string | null) {
    const errors: FieldError[] = [];
    if (user.role === 'city_official' && !user.memberId)
      errors.push({ field: 'memberId', message: 'memberId is required for a city_official' });
    if (user.role === 'secretariat' && user.memberId) {
      errors.push({ field: 'memberId', message: 'a secretariat user is not bound to a member; leave memberId out' });
    }
    if (user.memberId && user.role === 'city_official') {
      const [found] = await manager.query('SELECT 1 FROM members WHERE id = $1', [user.memberId]);
      if (!found) errors.push({ field: 'memberId', message: `member "${user.memberId}" not found` });
    }
    if (errors.length > 0) throw invalidInput(errors.map((error) => error.message).join('; '), errors);
    const holder = await this.users.findByEmail(user.email.trim(), manager);
    if (holder && holder.id !== selfId) {
      throw conflict(`a user with the address "${user.email}" exists`, [{ field: 'email', message: 'another user has this address' }]);
    }
  }
}

function maySee(principal: Principal, user: UserRow): boolean {
  return seesWholeNetwork(principal) || (principal.memberId !== null && principal.memberId === user.memberId);
}

export function userNotFound(id: string): NotFoundException {
  return new NotFoundException({ message: `user "${id}" not found` });
}
