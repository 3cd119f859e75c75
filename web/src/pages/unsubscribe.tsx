import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';

/** The page behind the digest's unsubscribe link: one button, no sign-in needed. */
export default function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/digests/unsubscribe' as never, { params: { query: { token } } } as never)),
  });
  return (
    <main id="main" className="sign-in">
      <h1 tabIndex={-1}>Weekly digest</h1>
      {!token ? (
        <p role="alert">This link is incomplete: open the unsubscribe link from the digest e-mail again.</p>
      ) : unsubscribe.isSuccess ? (
        <p role="status">You will not receive the weekly digest any more. You can turn it back on in your settings after signing in.</p>
      ) : (
        <>
          <p>Stop receiving the weekly CityMatch digest of partner suggestions?</p>
          <button type="button" onClick={() => unsubscribe.mutate()} disabled={unsubscribe.isPending}>
            {unsubscribe.isPending ? 'Unsubscribing…' : 'Unsubscribe'}
          </button>
          {unsubscribe.isError && (
            <p role="alert" className="field-error">
              {unsubscribe.error.message}
            </p>
          )}
        </>
      )}
    </main>
  );
}
