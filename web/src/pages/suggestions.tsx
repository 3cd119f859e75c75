import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { KEYS, useInterests, useMemberPartnerships } from '../api/brokering';
import { useMember, useSuggestions, useThemes } from '../api/queries';
import type { Suggestion } from '../api/types';
import { Empty, ErrorState, Loading } from '../components/states';
import { Time } from '../components/time';
import { WhenNear } from '../components/when-near';
import { type InterestState, SuggestionCard } from './suggestion-card';
import { type FilterValues, SuggestionFilters } from './suggestion-filters';
import { FILTER_NAMES, filtersFrom } from './suggestions-query';

const CandidatesMap = lazy(() => import('../map/candidates-map'));

export default function SuggestionsPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { values, query } = filtersFrom(params);
  const queryClient = useQueryClient();
  const member = useMember(id);
  const themes = useThemes();
  const suggestions = useSuggestions(id, query);
  const [hidden, setHidden] = useState<Suggestion | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['suggestions', id] });
  const dismiss = useMutation({
    mutationFn: async (candidate: Suggestion) => {
      unwrap(await api.POST('/api/v1/members/{id}/dismissals', { params: { path: { id } }, body: { candidateId: candidate.memberId } }));
      return candidate;
    },
    onSuccess: (candidate) => {
      setHidden(candidate);
      return refresh();
    },
  });
  const undo = useMutation({
    mutationFn: async (candidate: Suggestion) =>
      unwrap(
        await api.DELETE('/api/v1/members/{id}/dismissals/{candidateId}', { params: { path: { id, candidateId: candidate.memberId } } }),
      ),
    onSuccess: () => {
      setHidden(null);
      return refresh();
    },
  });

  const interests = useInterests(id);
  // Only a mutual interest links to a partnership: the page does not wait on the list of them before that.
  const partnerships = useMemberPartnerships(id, interests.data?.sent.some((interest) => interest.mutual) ?? false);
  const interestIn = (candidateId: string): InterestState => {
    const sent = interests.data?.sent.find((interest) => interest.candidateId === candidateId);
    if (!sent) return { state: 'none' };
    if (!sent.mutual) return { state: 'sent' };
    const open = partnerships.data?.items.find(
      (p) => (p.memberA === candidateId || p.memberB === candidateId) && p.stage !== 'declined' && p.stage !== 'ended',
    );
    return { state: 'mutual', partnershipId: open?.id ?? null };
  };
  const refreshInterests = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: KEYS.interests(id) }),
      queryClient.invalidateQueries({ queryKey: KEYS.memberPartnerships(id) }),
      // A mutual interest notifies both members.
      queryClient.invalidateQueries({ queryKey: KEYS.notifications }),
    ]);
  const [interestNote, setInterestNote] = useState('');
  const express = useMutation({
    mutationFn: async (candidate: Suggestion) => {
      const outcome = unwrap(
        await api.POST('/api/v1/members/{id}/interests', { params: { path: { id } }, body: { candidateId: candidate.memberId } }),
      ) as unknown as { partnershipId: string | null };
      return { candidate, outcome };
    },
    onSuccess: ({ candidate, outcome }) => {
      setInterestNote(
        outcome.partnershipId ? `${candidate.name} is interested too: a partnership is open.` : `Interest in ${candidate.name} sent.`,
      );
      return refreshInterests();
    },
  });
  const withdraw = useMutation({
    mutationFn: async (candidate: Suggestion) => {
      unwrap(
        await api.DELETE('/api/v1/members/{id}/interests/{candidateId}', { params: { path: { id, candidateId: candidate.memberId } } }),
      );
      return candidate;
    },
    onSuccess: (candidate) => {
      setInterestNote(`Interest in ${candidate.name} withdrawn.`);
      return refreshInterests();
    },
  });

  const changeFilter = (name: keyof FilterValues, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  };

  if (suggestions.isError) return <ErrorState error={suggestions.error} retry={() => suggestions.refetch()} />;
  const name = member.data?.name ?? 'your city';
  const list = suggestions.data?.suggestions ?? [];
  const filtered = FILTER_NAMES.some((filter) => values[filter]);
  return (
    <section aria-busy={suggestions.isFetching}>
      <h1 tabIndex={-1}>Partner suggestions for {name}</h1>
      {suggestions.data?.ranking === 'balanced' && suggestions.data.balancedAt && (
        <p className="hint">
          Ranked by how well each city's offers meet {name}'s needs and the other way round, with at most 5 cities of one country, so that
          no country crowds out the rest and every city is seen by some. Balanced <Time iso={suggestions.data.balancedAt} />.
        </p>
      )}
      {suggestions.data?.ranking !== 'balanced' && suggestions.data?.generation && (
        <p className="hint">
          Ranked by how well each city's offers meet {name}'s needs and the other way round. Computed{' '}
          <Time iso={suggestions.data.generation.computedAt} />.
        </p>
      )}
      {themes.data && <SuggestionFilters values={values} themes={themes.data} onChange={changeFilter} />}
      <div role="status" aria-live="polite" className="toast-region">
        {hidden && (
          <p className="toast">
            {hidden.name} is hidden from your suggestions.{' '}
            <button type="button" className="link-button" onClick={() => undo.mutate(hidden)} disabled={undo.isPending}>
              Undo
            </button>
          </p>
        )}
        {interestNote && <p className="toast">{interestNote}</p>}
        {(dismiss.isError || undo.isError || express.isError || withdraw.isError) && (
          <span className="field-error">{(dismiss.error ?? undo.error ?? express.error ?? withdraw.error)?.message}</span>
        )}
      </div>
      {suggestions.isPending ? (
        <Loading what="suggestions" />
      ) : list.length === 0 ? (
        <Empty title={filtered ? 'No city matches these filters.' : 'No suggestions yet.'}>
          {filtered ? (
            <p>Widen the filters, for example another subregion or a wider population range.</p>
          ) : (
            <p>
              Suggestions come from needs and offers: <Link to={`/members/${id}`}>add what {name} needs and offers</Link>.
            </p>
          )}
        </Empty>
      ) : (
        <>
          <p className="result-count">
            {list.length} {list.length === 1 ? 'city' : 'cities'}
            {filtered ? ' matching the filters' : ''}
          </p>
          <ol className="cards" aria-label="Suggested partner cities">
            {list.map((suggestion) => (
              <SuggestionCard
                key={suggestion.memberId}
                suggestion={suggestion}
                memberName={name}
                busy={dismiss.isPending || express.isPending || withdraw.isPending}
                onDismiss={() => dismiss.mutate(suggestion)}
                interest={interestIn(suggestion.memberId)}
                onInterested={() => express.mutate(suggestion)}
                onWithdraw={() => withdraw.mutate(suggestion)}
              />
            ))}
          </ol>
          <h2>On the map</h2>
          <WhenNear placeholder={<Loading what="the map" />}>
            <Suspense fallback={<Loading what="the map" />}>
              <CandidatesMap home={member.data} candidates={list} />
            </Suspense>
          </WhenNear>
        </>
      )}
    </section>
  );
}
