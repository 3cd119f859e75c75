import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { type Choice, ChoiceOptions } from './choices';
import { FieldError } from './field-errors';

/** What ties a control to its label and to its error message, for screen readers. */
interface ControlWiring {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  /** The API's message for this field, if it refused it. */
  error?: string;
  /** Inline forms lay a field out as a column inside its label; stacked forms put the label above. */
  nested?: boolean;
}

/** A label, its control and the control's error (id `${id}-error`, which aria-describedby names). */
function FormField({ id, label, error, nested, control }: FieldProps & { control: (wiring: ControlWiring) => ReactNode }) {
  const errorId = `${id}-error`;
  const wired = control({ id, 'aria-invalid': Boolean(error), 'aria-describedby': errorId });
  return (
    <>
      {nested ? (
        <label htmlFor={id}>
          {label}
          {wired}
        </label>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          {wired}
        </>
      )}
      <FieldError id={errorId} message={error} />
    </>
  );
}

/** Controlled fields hand back the new value as text: every form here keeps its fields as strings. */
type Controlled<Attributes> = Omit<Attributes, 'id' | 'onChange' | 'value'> & { value: string; onChange: (value: string) => void };

/** A field's own props apart from the attributes its control takes. */
function split<Props extends FieldProps>({ id, label, error, nested, ...control }: Props) {
  return [{ id, label, error, nested }, control] as const;
}

export function TextField({ onChange, ...props }: FieldProps & Controlled<InputHTMLAttributes<HTMLInputElement>>) {
  const [field, input] = split(props);
  return <FormField {...field} control={(wiring) => <input {...input} {...wiring} onChange={(event) => onChange(event.target.value)} />} />;
}

export function TextAreaField({ onChange, ...props }: FieldProps & Controlled<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const [field, textarea] = split(props);
  return (
    <FormField {...field} control={(wiring) => <textarea {...textarea} {...wiring} onChange={(event) => onChange(event.target.value)} />} />
  );
}

/** A select of `choices`, none of them empty: a form's select always has a value. */
export function SelectField({
  onChange,
  choices,
  ...props
}: FieldProps & Controlled<SelectHTMLAttributes<HTMLSelectElement>> & { choices: readonly Choice[] }) {
  const [field, select] = split(props);
  return (
    <FormField
      {...field}
      control={(wiring) => (
        <select {...select} {...wiring} onChange={(event) => onChange(event.target.value)}>
          <ChoiceOptions choices={choices} />
        </select>
      )}
    />
  );
}
