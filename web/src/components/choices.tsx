import type { Theme } from '../api/types';

/** One option of a select: a plain string is both its value and its text. */
export type Choice = string | readonly [value: string, text: string];

/** A select's options; `none` first, with the empty value, where choosing nothing is allowed (filters: "Any …"). */
export function ChoiceOptions({ choices, none }: { choices: readonly Choice[]; none?: string }) {
  return (
    <>
      {none !== undefined && <option value="">{none}</option>}
      {choices.map((choice) => {
        const [value, text] = typeof choice === 'string' ? [choice, choice] : choice;
        return (
          <option key={value} value={value}>
            {text}
          </option>
        );
      })}
    </>
  );
}

/** The themes as filter options: the slug is sent, the label is shown. */
export const themeChoices = (themes: readonly Theme[] = []): Choice[] => themes.map((theme) => [theme.slug, theme.label]);
