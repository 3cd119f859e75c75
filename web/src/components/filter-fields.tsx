import type { InputHTMLAttributes, KeyboardEvent, FocusEvent, ReactNode } from 'react';
import type { Theme } from '../api/types';
import { type Choice, ChoiceOptions } from './choices';

/** One filter of a list page's filter bar (`.filters`): its label above its control, laid out by `.field`. */
function FilterField({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** A filter chosen from a list; `any` is the first option, the empty value that filters nothing. */
export function FilterSelect({
  id,
  label,
  any,
  choices,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  any: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <FilterField id={id} label={label}>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <ChoiceOptions none={any} choices={choices} />
      </select>
    </FilterField>
  );
}

/** A typed filter; the page says when it applies (on each key, on leaving it, or with `appliedOnEnterOrLeave`). */
export function FilterInput({ id, label, ...input }: { id: string; label: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <FilterField id={id} label={label}>
      <input id={id} {...input} />
    </FilterField>
  );
}

/** A yes/no filter: the box before its label, as `.field.checkbox` lays it out. */
export function FilterCheckbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A typed filter applies on Enter or on leaving the field, not on every key (each change reloads the list). */
export function appliedOnEnterOrLeave(apply: (input: HTMLInputElement) => void) {
  return {
    onBlur: (event: FocusEvent<HTMLInputElement>) => apply(event.target),
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => event.key === 'Enter' && apply(event.currentTarget),
  };
}

/** A filter bar's props: the values it shows (from the URL), the themes it offers, and the setter of one value. */
export interface FilterBarProps<Values> {
  values: Values;
  themes: Theme[];
  onChange: (name: keyof Values, value: string) => void;
}
