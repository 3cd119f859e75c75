import { MigrationInterface, QueryRunner } from 'typeorm';

/** The thematic fields of the association at launch; later ones are added by later migrations. */
const THEMES: Array<[slug: string, label: string, description: string]> = [
  ['local-economic-development', 'Local economic development', 'Jobs, local enterprise, tourism and investment driven by the city.'],
  ['climate-change', 'Climate change', 'Mitigation and adaptation plans, emissions inventories and climate finance.'],
  ['disaster-resilience', 'Disaster resilience', 'Risk reduction, early warning, preparedness and recovery from disasters.'],
  ['culture', 'Culture', 'Heritage, the arts and cultural exchange between communities.'],
  ['strategic-planning', 'Strategic planning', 'Long-term city visions, spatial and development planning.'],
  ['decentralisation', 'Decentralisation', 'Transfer of powers and resources to local governments.'],
  ['municipal-finance', 'Municipal finance', 'Own-source revenue, budgeting, borrowing and financial management.'],
  ['gender-equality', 'Gender equality', 'Policies and services that close gender gaps in the city.'],
  ['womens-leadership', "Women's leadership", 'Women in local office, leadership programmes and networks.'],
  ['environment', 'Environment', 'Clean air and water, waste, biodiversity and green spaces.'],
  ['good-governance', 'Good governance', 'Transparency, participation, accountability and anti-corruption.'],
  ['sdg-localisation', 'Localising the SDGs', 'Bringing the Sustainable Development Goals into local plans and reviews.'],
  ['basic-services', 'Basic services', 'Water, sanitation, housing, health, education and transport for all.'],
  ['covid-recovery', 'Post-COVID recovery', 'Recovery of local economies and services after the COVID-19 pandemic.'],
  ['inclusive-societies', 'Inclusive societies', 'Inclusion of migrants, minorities, older people and people with disabilities.'],
];

export class CreateMembersAndThemes1764300000000 implements MigrationInterface {
  name = 'CreateMembersAndThemes1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE themes (
        slug text PRIMARY KEY,
        label text NOT NULL,
        description text NOT NULL,
        position integer NOT NULL
      )`);
    for (const [index, [slug, label, description]] of THEMES.entries()) {
      await queryRunner.query('INSERT INTO themes (slug, label, description, position) VALUES ($1, $2, $3, $4)', [
        slug,
        label,
        description,
        index + 1,
      ]);
    }
    await queryRunner.query(`
      CREATE TABLE members (
        id text PRIMARY KEY,
        name text NOT NULL,
        country char(2) NOT NULL,
        subregion text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        population integer NOT NULL CHECK (population > 0),
        languages text[] NOT NULL CHECK (cardinality(languages) > 0),
        level text NOT NULL CHECK (level IN ('city', 'municipality', 'region', 'association')),
        status text NOT NULL CHECK (status IN ('active', 'inactive')),
        needs jsonb NOT NULL DEFAULT '{}',
        offers jsonb NOT NULL DEFAULT '{}',
        partners text[] NOT NULL DEFAULT '{}',
        dismissed text[] NOT NULL DEFAULT '{}',
        contact_name text,
        contact_email text,
        synthetic boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query('CREATE INDEX members_country_idx ON members (country)');
    await queryRunner.query('CREATE INDEX members_subregion_idx ON members (subregion)');
    await queryRunner.query('CREATE INDEX members_status_idx ON members (status)');
    await queryRunner.query('CREATE INDEX members_name_idx ON members (lower(name))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE members');
    await queryRunner.query('DROP TABLE themes');
  }
}
