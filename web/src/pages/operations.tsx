import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import { ErrorState, Loaded, Loading } from '../components/states';
import { Time } from '../components/time';
import { ScrollingTable } from '../components/data-table';

interface Generation {
  id: number;
  state: string;
  reason: string;
  memberCount: number;
  progress?: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}
interface RecomputeStatus {
  queue: { kind: string };
  outbox: { pending: number; oldest: string | null };
  building: Generation | null;
  current: Generation | null;
  lag: { behindSeconds: number | null };
}
interface Token {
  id: string;
  label: string;
  role: string;
  memberId: string | null;
  createdAt: string;
  status: 'active' | 'expired' | 'revoked';
}

function GenerationLine({ title, generation }: { title: string; generation: Generation }) {
  return (
    <p>
      <strong>{title}:</strong> generation {generation.id} ({generation.reason}), {generation.memberCount} members, started{' '}
      <Time iso={generation.startedAt} />
      {generation.finishedAt && (
        <>
          , finished <Time iso={generation.finishedAt} />
        </>
      )}
      {generation.progress !== undefined && !generation.finishedAt && (
        <>
          {' '}
          <progress value={generation.progress} max={1} aria-label="Recompute progress" /> {Math.round(generation.progress * 100)} %
        </>
      )}
      {generation.error && <span className="field-error"> {generation.error}</span>}
    </p>
  );
}

function Tokens() {
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: async () => unwrap(await api.GET('/api/v1/tokens')) as unknown as Token[] });
  if (tokens.isPending) return <Loading what="API tokens" />;
  if (tokens.error instanceof ApiError && tokens.error.refused) return <p>Only administrators see API tokens.</p>;
  if (tokens.isError) return <ErrorState error={tokens.error} retry={() => tokens.refetch()} />;
  return (
    <ScrollingTable columns={['Label', 'Role', 'Created', 'State']} caption="API tokens">
      {tokens.data.map((token) => (
        <tr key={token.id}>
          <td>{token.label}</td>
          <td>
            {token.role}
            {token.memberId ? ` (${token.memberId})` : ''}
          </td>
          <td>
            <Time iso={token.createdAt} />
          </td>
          <td>{token.status}</td>
        </tr>
      ))}
    </ScrollingTable>
  );
}

/** What runs behind the suggestions, and who has access. */
export default function OperationsPage() {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['recompute-status'],
    queryFn: async () => unwrap(await api.GET('/api/v1/recompute/status')) as unknown as RecomputeStatus,
    refetchInterval: (query) => (query.state.data?.building ? 2000 : false),
  });
  const recompute = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/recompute')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recompute-status'] }),
  });
  return (
    <section>
      <h1 tabIndex={-1}>Operations</h1>
      <div className="panel">
        <h2>Recompute</h2>
        <Loaded query={status} what="the recompute status">
          {(state) => (
            <div role="status" aria-live="polite">
              <p>
                Jobs run {state.queue.kind === 'bullmq' ? 'on BullMQ (Redis)' : 'in this process'}; {state.outbox.pending} member change(s)
                waiting to be applied.
              </p>
              {state.current && <GenerationLine title="In use" generation={state.current} />}
              {state.building && <GenerationLine title="Being computed" generation={state.building} />}
            </div>
          )}
        </Loaded>
        <button type="button" onClick={() => recompute.mutate()} disabled={recompute.isPending || Boolean(status.data?.building)}>
          Recompute all suggestions
        </button>
        {recompute.isError && (
          <p role="alert" className="field-error">
            {recompute.error.message}
          </p>
        )}
      </div>
      <div className="panel">
        <h2>Access</h2>
        <Tokens />
      </div>
    </section>
  );
}
