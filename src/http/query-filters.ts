import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, type ValidationArguments, ValidateBy } from 'class-validator';
import { SUBREGIONS, subregionNamed } from '../reference/countries';
import { THEME_SLUGS } from '../reference/themes';

/**
 * Filters on reference values refuse a value they do not know, listing the ones they do: an
 * unknown theme or subregion would otherwise match nothing and answer an empty list, which
 * reads as "no results" rather than "wrong filter".
 */
function oneOf(name: string, values: readonly string[], what: string): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && values.includes(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must be one of the ${what}: ${values.join(', ')} (got ${JSON.stringify(args?.value)})`,
    },
  });
}

/** An optional theme filter: one of the theme slugs. */
export function ThemeFilter(description: string): PropertyDecorator {
  return applyDecorators(
    // Not an OpenAPI enum: the slugs are data (GET /api/v1/themes), and callers pass what a person picked.
    ApiPropertyOptional({ type: String, example: 'disaster-resilience', description: `${description}; a slug from GET /api/v1/themes` }),
    IsOptional(),
    oneOf('isThemeSlug', THEME_SLUGS, 'theme slugs'),
  );
}

/** An optional subregion filter: a UN M49 subregion, in any letter case ("melanesia" is "Melanesia"). */
export function SubregionFilter(description = 'UN M49 subregion, in any letter case'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, example: 'Melanesia', description }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (subregionNamed(value) ?? value) : value)),
    oneOf('isSubregion', SUBREGIONS, 'subregions'),
  );
}
