import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}

export function Refused({ what }: { what: string }) {
  return (
    <section className="state refused" role="alert">
      <h1 tabIndex={-1}>Not available to you</h1>
      <p>{what}</p>
      <p>
        <Link to="/">Back to your pages</Link>
      </p>
    </section>
  );
}

/** A failed load: what went wrong in words, and a way to try again; refusals get their own page. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiError && error.status === 403)
    return <Refused what="This page belongs to another member: you can only open your own city's pages." />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <section className="state error" role="alert">
        <h1 tabIndex={-1}>Not found</h1>
        <p>{error.message}</p>
        <Link to="/">Back to your pages</Link>
      </section>
    );
  }
  return (
    <div className="state error" role="alert">
      <p>
        <strong>Something went wrong.</strong> {error instanceof Error ? error.message : String(error)}
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A query's data, given to `children` once it is there; meanwhile it is loading, or failed with a way to try again. */
export function Loaded<Data>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<Data>;
  what: string;
  children: (data: Data) => ReactNode;
}) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorState error={query.error} retry={() => query.refetch()} />;
  return children(query.data);
}
