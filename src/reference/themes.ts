export interface Theme {
  slug: string;
  label: string;
  description: string;
}

/** The association's thematic fields, in the order the themes table is seeded and listed. */
export const THEMES: readonly Theme[] = [
  {
    slug: 'local-economic-development',
    label: 'Local economic development',
    description: 'Growing local jobs, businesses and investment through municipal action and partnerships.',
  },
  {
    slug: 'climate-change',
    label: 'Climate change',
    description: 'Cutting emissions and adapting cities to a changing climate.',
  },
  {
    slug: 'disaster-resilience',
    label: 'Disaster resilience',
    description: 'Preparing for, responding to and recovering from natural hazards and other disasters.',
  },
  {
    slug: 'culture',
    label: 'Culture',
    description: 'Heritage, the arts and cultural exchange as part of city life and development.',
  },
  {
    slug: 'strategic-planning',
    label: 'Strategic planning',
    description: "Long-term urban and spatial planning that sets a city's direction and priorities.",
  },
  {
    slug: 'decentralisation',
    label: 'Decentralisation',
    description: 'Transferring powers, resources and accountability from national to local government.',
  },
  {
    slug: 'municipal-finance',
    label: 'Municipal finance',
    description: 'Raising, budgeting and managing local revenue, borrowing and investment.',
  },
  {
    slug: 'gender-equality',
    label: 'Gender equality',
    description: 'Equal rights, opportunities and services for women and men in the city.',
  },
  {
    slug: 'womens-leadership',
    label: "Women's leadership",
    description: 'More women elected and leading in local government and public life.',
  },
  {
    slug: 'environment',
    label: 'Environment',
    description: 'Clean air and water, green spaces, biodiversity and waste management.',
  },
  {
    slug: 'good-governance',
    label: 'Good governance',
    description: 'Transparent, accountable and participatory local government.',
  },
  {
    slug: 'sdg-localisation',
    label: 'Localising the SDGs',
    description: 'Bringing the Sustainable Development Goals into local plans, budgets and reporting.',
  },
  {
    slug: 'basic-services',
    label: 'Basic services',
    description: 'Water, sanitation, housing, health, transport and other essential services for all residents.',
  },
  {
    slug: 'covid-recovery',
    label: 'Post-COVID recovery',
    description: 'Rebuilding local economies and services after the COVID-19 pandemic.',
  },
  {
    slug: 'inclusive-societies',
    label: 'Inclusive societies',
    description: 'Cities where migrants, minorities, older people and people with disabilities take full part.',
  },
];

export const THEME_SLUGS: readonly string[] = THEMES.map((t) => t.slug);
