import { Link, useRouteError } from 'react-router';

/** A page that failed to load or render: say so in words, and offer a way on. */
export function RouteError() {
  const error = useRouteError();
  return (
    <main id="main">
      <section className="state error" role="alert">
        <h1 tabIndex={-1}>This page could not be shown</h1>
        <p>{error instanceof Error ? error.message : 'An unexpected error occurred.'}</p>
        <p>
          <a href={window.location.href}>Reload the page</a> or <Link to="/">go back to your pages</Link>.
        </p>
      </section>
    </main>
  );
}
