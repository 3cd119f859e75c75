import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { SESSION_KEY } from '../api/session';

/** A path inside the app only: a sign-in link must not send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function RequestLink() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/sign-in-links', { body: { email } })),
  });
  if (request.isSuccess) {
    return (
      <div role="status">
        <p>
          <strong>Check your e-mail.</strong> If <em>{email}</em> belongs to a CityMatch account, a sign-in link is on its way. It works
          once, for 15 minutes.
        </p>
        <button type="button" className="link-button" onClick={() => request.reset()}>
          Use another address
        </button>
      </div>
    );
  }
  const tooMany = request.error instanceof ApiError && request.error.status === 429;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate();
      }}
    >
      <label htmlFor="email">Your work e-mail address</label>
      <input id="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <button type="submit" disabled={request.isPending}>
        {request.isPending ? 'Sending…' : 'Send me a sign-in link'}
      </button>
      {request.isError && (
        <p role="alert" className="field-error">
          {tooMany ? 'Too many requests: please wait a few minutes and try again.' : request.error.message}
        </p>
      )}
    </form>
  );
}

function CompleteSignIn({ token, next }: { token: string; next: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const started = useRef(false);
  const complete = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/sessions', { body: { token } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate(next, { replace: true });
    },
  });
  useEffect(() => {
    // A link works once: never send it twice (StrictMode runs effects twice in development).
    if (started.current) return;
    started.current = true;
    complete.mutate();
  }, [complete]);
  if (complete.isError) {
    const expired = complete.error instanceof ApiError && complete.error.status === 401;
    return (
      <div role="alert">
        <p>
          <strong>{expired ? 'This sign-in link has expired or was already used.' : complete.error.message}</strong> Request a new one
          below.
        </p>
        <RequestLink />
      </div>
    );
  }
  return (
    <p role="status" aria-live="polite">
      Signing you in…
    </p>
  );
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <main id="main" className="sign-in">
      <h1 tabIndex={-1}>Sign in to CityMatch</h1>
      <p className="lead">Partner cities for decentralised cooperation. We send a link to your e-mail address: no password needed.</p>
      {token ? <CompleteSignIn token={token} next={safeNext(params.get('next'))} /> : <RequestLink />}
    </main>
  );
}
