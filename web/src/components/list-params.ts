import { useSearchParams } from 'react-router';

/**
 * A paged list's filters and offset, kept in the URL. Setting a filter starts again at the first page (and replaces
 * the history entry); setting the offset adds an entry per page when `pageHistory` is on, so Back returns to the
 * page before.
 */
export function useListParams<Name extends string = string>({ pageHistory }: { pageHistory: boolean }) {
  const [params, setParams] = useSearchParams();
  const set = (name: Name | 'offset', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    setParams(next, { replace: !pageHistory || name !== 'offset' });
  };
  return [params, set] as const;
}

/** A filter control's value and change handler for the URL parameter `name`, as useListParams keeps it. */
export function paramBinding<Name extends string>(params: URLSearchParams, set: (name: Name, value: string) => void, name: Name) {
  return { value: params.get(name) ?? '', onChange: (value: string) => set(name, value) };
}
