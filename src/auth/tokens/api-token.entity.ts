import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../roles';

/** A bearer API token. Only a hash of its secret is stored. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  label: string;

  @Column('text')
  role: Role;

  @Column('text', { name: 'member_id', nullable: true })
  memberId: string | null;

  @Column('text', { name: 'secret_hash', select: false })
  secretHash: string;

  /** The secret's first characters, so an admin can tell tokens apart. */
  @Column('text')
  hint: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
