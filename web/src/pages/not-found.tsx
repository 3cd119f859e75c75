import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <section>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>There is no page at this address.</p>
      <Link to="/">Back to your pages</Link>
    </section>
  );
}
