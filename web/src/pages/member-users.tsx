import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { Empty, ErrorState, Loading } from '../components/states';
import { ScrollingTable } from '../components/data-table';

interface MemberUser {
  id: string;
  name: string;
  email: string;
  digest: { enabled: boolean; weekday: number; hour: number };
  timeZone: string;
  status: string;
}

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function digestOf(user: MemberUser): string {
  if (!user.digest.enabled) return 'Off';
  return `${WEEKDAYS[user.digest.weekday]}s at ${String(user.digest.hour).padStart(2, '0')}:00 (${user.timeZone})`;
}

/** The member's people and when each receives the weekly digest (its officials and the secretariat see this). */
export function MemberUsers({ memberId }: { memberId: string }) {
  const users = useQuery({
    queryKey: ['member-users', memberId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/members/{id}/users', { params: { path: { id: memberId } } })) as unknown as { items: MemberUser[] },
  });
  if (users.isPending) return <Loading what="the city's users" />;
  if (users.isError) return <ErrorState error={users.error} retry={() => users.refetch()} />;
  if (users.data.items.length === 0) {
    return (
      <Empty title="No users for this city yet.">
        <p>The secretariat adds a city's officials; ask it to add yours.</p>
      </Empty>
    );
  }
  return (
    <ScrollingTable columns={['Name', 'E-mail', 'Weekly digest', 'Status']} caption="People of this city and their weekly digest">
      {users.data.items.map((user) => (
        <tr key={user.id}>
          <td>{user.name}</td>
          <td>{user.email}</td>
          <td>{digestOf(user)}</td>
          <td>{user.status}</td>
        </tr>
      ))}
    </ScrollingTable>
  );
}
