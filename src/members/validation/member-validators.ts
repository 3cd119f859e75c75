import { ValidationOptions, registerDecorator } from 'class-validator';
import { isCountryCode } from '../../reference/countries';
import { isLanguageCode } from '../../reference/languages';

const THEME_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An ISO 3166-1 alpha-2 code that names a real country or territory, in upper case. */
export function IsCountryCode(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCountryCode',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 3166-1 alpha-2 country code such as "ID"`, ...options },
      validator: { validate: (value: unknown) => isCountryCode(value) },
    });
}

/** A non-empty list of distinct ISO 639-3 language codes. */
export function IsLanguageCodes(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLanguageCodes',
      target: target.constructor,
      propertyName,
      options: {
        message: (args) => {
          const value = args.value as unknown[];
          if (!Array.isArray(value) || value.length === 0) return `${propertyName} must list at least one ISO 639-3 code`;
          const bad = value.find((code) => !isLanguageCode(code));
          if (bad !== undefined) return `${propertyName} has "${String(bad)}", which is not an ISO 639-3 code such as "eng"`;
          return `${propertyName} must not repeat a language`;
        },
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && value.length > 0 && value.every(isLanguageCode) && new Set(value).size === value.length,
      },
    });
}

/** Theme slug → whole level 1..3. Whether each theme exists is checked against the themes table. */
export function IsThemeLevels(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isThemeLevels',
      target: target.constructor,
      propertyName,
      options: {
        message: (args) => {
          const value = args.value as Record<string, unknown>;
          if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return `${propertyName} must be an object mapping theme slugs to levels 1-3`;
          }
          const [slug, level] = Object.entries(value).find(([key, v]) => !isThemeEntry(key, v)) ?? [];
          return `${propertyName}.${slug} must be a whole number from 1 to 3, got ${JSON.stringify(level)}`;
        },
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(([key, level]) => isThemeEntry(key, level)),
      },
    });
}

function isThemeEntry(slug: string, level: unknown): boolean {
  return THEME_SLUG.test(slug) && Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 3;
}

/** A list of distinct member ids. */
export function IsMemberIdList(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMemberIdList',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a list of distinct member ids`, ...options },
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && value.every((id) => typeof id === 'string' && MEMBER_ID.test(id)) && new Set(value).size === value.length,
      },
    });
}

export const MEMBER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
