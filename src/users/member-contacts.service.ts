import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type NewUser, UsersRepository } from './users.repository';

export interface MemberContactInput {
  memberId: string;
  name?: string | null;
  email?: string | null;
}

/**
 * Keeps a member's `contact` (record format) and its users in step: a contact becomes, or updates,
 * a city official of that member marked as the contact. An address that already belongs to another
 * member's user or to the secretariat gets no second account; the member keeps it as its recorded
 * contact all the same, so nothing given is lost.
 */
@Injectable()
export class MemberContactsService {
  constructor(private readonly users: UsersRepository) {}

  /** Runs inside the members write's transaction: both are kept or lost together. */
  async sync(manager: EntityManager, contacts: MemberContactInput[]): Promise<void> {
    const withAddress = new Map<string, MemberContactInput & { email: string }>();
    for (const contact of contacts) {
      const email = contact.email?.trim();
      if (email && !withAddress.has(email.toLowerCase())) withAddress.set(email.toLowerCase(), { ...contact, email });
    }
    const existing = await this.users.byEmails(manager, [...withAddress.keys()]);
    const created: NewUser[] = [];
    const marks: Array<{ userId: string; memberId: string; name: string | null }> = [];
    for (const [address, contact] of withAddress) {
      const user = existing.get(address);
      if (user && user.memberId !== contact.memberId) continue;
      const userId = user?.id ?? randomUUID();
      if (!user) {
        created.push({
          id: userId,
          email: contact.email,
          name: contact.name?.trim() || contact.email.split('@')[0],
          role: 'city_official',
          memberId: contact.memberId,
        });
      }
      marks.push({ userId, memberId: contact.memberId, name: contact.name?.trim() || null });
    }
    const marked = new Set(marks.map((mark) => mark.memberId));
    await this.users.clearContacts(
      manager,
      [...new Set(contacts.map((contact) => contact.memberId))].filter((id) => !marked.has(id)),
    );
    await this.users.insert(manager, created);
    await this.users.markContacts(manager, marks);
  }

  /** Each member's contact as its user says now (a renamed contact is exported renamed). */
  contactsByMember(): Promise<Map<string, { name: string; email: string }>> {
    return this.users.contactsByMember();
  }
}
