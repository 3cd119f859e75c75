import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A thematic field of cooperation; members' needs and offers are keyed by its slug. */
@Entity('themes')
export class Theme {
  @PrimaryColumn('text')
  slug: string;

  @Column('text')
  label: string;

  @Column('text')
  description: string;

  @Column('integer')
  position: number;
}
