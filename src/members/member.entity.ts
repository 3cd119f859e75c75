import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MemberLevel, MemberStatus, ThemeLevels } from './member-record';

/** A city, local government or association of them that belongs to the network. */
@Entity('members')
export class Member {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  name: string;

  @Column('char', { length: 2 })
  country: string;

  /** UN M49 subregion, derived from the country. */
  @Column('text')
  subregion: string;

  @Column('double precision')
  lat: number;

  @Column('double precision')
  lon: number;

  @Column('integer')
  population: number;

  @Column('text', { array: true })
  languages: string[];

  @Column('text')
  level: MemberLevel;

  @Column('text')
  status: MemberStatus;

  @Column('jsonb')
  needs: ThemeLevels;

  @Column('jsonb')
  offers: ThemeLevels;

  /** Members it already has a cooperation agreement with. */
  @Column('text', { array: true })
  partners: string[];

  /** Candidates this member marked "not interested". */
  @Column('text', { array: true })
  dismissed: string[];

  @Column('text', { name: 'contact_name', nullable: true })
  contactName: string | null;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail: string | null;

  /** False: takes on no new partnerships and is never suggested. */
  @Column('boolean', { name: 'open_to_partnerships', default: true })
  openToPartnerships: boolean;

  /** New partnerships it can take on; null when not stated. */
  @Column('integer', { nullable: true })
  capacity: number | null;

  /** Generated demo profile: its needs and offers are not the member's own statements. */
  @Column('boolean')
  synthetic: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
