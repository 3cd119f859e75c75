import { MigrationInterface, QueryRunner } from 'typeorm';

/** The thematic fields of the association at launch; later ones are added by later migrations. */
const THEMES: Array<[slug: string, label: string, description: string]> = [
  [
    'local-economic-development',
    'Local economic development',
    'Growing local jobs, businesses and investment through municipal action and partnerships.',
  ],
  ['climate-change', 'Climate change', 'Cutting emissions and adapting cities to a changing climate.'],
  ['disaster-resilience', 'Disaster resilience', 'Preparing for, responding to and recovering from natural hazards and other disasters.'],
  ['culture', 'Culture', 'Heritage, the arts and cultural exchange as part of city life and development.'],
  ['strategic-planning', 'Strategic planning', "Long-term urban and spatial planning that sets a city's direction and priorities."],
  ['decentralisation', 'Decentralisation', 'Transferring powers, resources and accountability from national to local government.'],
  ['municipal-finance', 'Municipal finance', 'Raising, budgeting and managing local revenue, borrowing and investment.'],
  ['gender-equality', 'Gender equality', 'Equal rights, opportunities and services for women and men in the city.'],
  ['womens-leadership', "Women's leadership", 'More women elected and leading in local government and public life.'],
  ['environment', 'Environment', 'Clean air and water, green spaces, biodiversity and waste management.'],
  ['good-governance', 'Good governance', 'Transparent, accountable and participatory local government.'],
  ['sdg-localisation', 'Localising the SDGs', 'Bringing the Sustainable Development Goals into local plans, budgets and reporting.'],
  ['basic-services', 'Basic services', 'Water, sanitation, housing, health, transport and other essential services for all residents.'],
  ['covid-recovery', 'Post-COVID recovery', 'Rebuilding local economies and services after the COVID-19 pandemic.'],
  [
    'inclusive-societies',
    'Inclusive societies',
    'Cities where migrants, minorities, older people and people with disabilities take full part.',
  ],
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
