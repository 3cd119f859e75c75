import { Link } from 'react-router';
import { type Board, STAGES } from '../api/types';
import { figures, ScrollingTable } from './data-table';
import { STAGE_LABELS } from './stage';

const count = new Intl.NumberFormat();

/** Partnerships per stage, each stage linked to the list of them; with the median days in stage when `withMedian`. */
export function StageTable({ board, withMedian = false }: { board: Pick<Board, 'stages' | 'medianDaysInStage'>; withMedian?: boolean }) {
  return (
    <ScrollingTable columns={['Stage', ...figures('Partnerships', ...(withMedian ? ['Median days in stage'] : []))]}>
      {STAGES.map((stage) => (
        <tr key={stage}>
          <th scope="row">
            <Link to={`/partnerships?stage=${stage}`}>{STAGE_LABELS[stage]}</Link>
          </th>
          <td className="number">{count.format(board.stages[stage] ?? 0)}</td>
          {withMedian && <td className="number">{board.medianDaysInStage[stage] ?? '—'}</td>}
        </tr>
      ))}
    </ScrollingTable>
  );
}
