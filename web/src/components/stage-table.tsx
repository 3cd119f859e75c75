import { Link } from 'react-router';
import { type Board, STAGES } from '../api/types';
import { STAGE_LABELS } from './stage';

const count = new Intl.NumberFormat();

/** Partnerships per stage, each stage linked to the list of them; with the median days in stage when `withMedian`. */
export function StageTable({ board, withMedian = false }: { board: Pick<Board, 'stages' | 'medianDaysInStage'>; withMedian?: boolean }) {
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="number">
              Partnerships
            </th>
            {withMedian && (
              <th scope="col" className="number">
                Median days in stage
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {STAGES.map((stage) => (
            <tr key={stage}>
              <th scope="row">
                <Link to={`/partnerships?stage=${stage}`}>{STAGE_LABELS[stage]}</Link>
              </th>
              <td className="number">{count.format(board.stages[stage] ?? 0)}</td>
              {withMedian && <td className="number">{board.medianDaysInStage[stage] ?? '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
