import { Link, useOutletContext, useParams } from 'react-router';
import { useMemberProfiles, usePartnership } from '../api/brokering';
import type { Member, Partnership, User } from '../api/types';
import { ScoreBar } from '../components/score-bar';
import { Day, PATH, pairName, STAGE_LABELS, StageBadge } from '../components/stage';
import { ErrorState, Loading } from '../components/states';
import { Time } from '../components/time';
import { Milestones } from './partnership-milestones';
import { ActivityForm, Activities } from './partnership-monitoring';
import { DeclineForm, NextStepForm, StageMoves } from './partnership-moves';

const EARLY = ['interest', 'introduced', 'exploring'];

/** What a city official may do at this stage, as the API allows it: the page offers exactly these. */
function OfficialCan({ partnership }: { partnership: Partnership }) {
  if (partnership.allowedMoves.length === 0) return <p>This partnership is closed: its record stays as it is.</p>;
  return (
    <p>
      Your city can log activities and add, edit or complete milestones
      {EARLY.includes(partnership.stage) ? ', or decline the partnership before an agreement' : ''}; the secretariat moves it to its next
      stage.
    </p>
  );
}

function MemberSide({ member, id, linked }: { member?: Member; id: string; linked: boolean }) {
  return (
    <div className="panel side">
      <h2>{linked ? <Link to={`/members/${id}`}>{member?.name ?? id}</Link> : (member?.name ?? id)}</h2>
      {member && (
        <p className="meta">
          {member.country} · {member.subregion} · population {new Intl.NumberFormat().format(member.population)}
        </p>
      )}
    </div>
  );
}

/** Where the partnership is on its path: the usual stages in order, the current one marked. */
function Timeline({ partnership }: { partnership: Partnership }) {
  const offPath = !PATH.includes(partnership.stage);
  return (
    <div className="panel">
      <h2>Stage</h2>
      <ol className="timeline" aria-label="Stages of a partnership">
        {PATH.map((stage) => (
          <li
            key={stage}
            aria-current={stage === partnership.stage ? 'step' : undefined}
            className={stage === partnership.stage ? 'current' : ''}
          >
            {STAGE_LABELS[stage]}
          </li>
        ))}
        {offPath && (
          <li aria-current="step" className="current exit">
            {STAGE_LABELS[partnership.stage]}
          </li>
        )}
      </ol>
      {partnership.declineReason && <p>Declined: {partnership.declineReason}</p>}
      {partnership.endReason && (
        <p>
          Ended
          {partnership.endedOn && (
            <>
              {' '}
              on <Day date={partnership.endedOn} />
            </>
          )}
          : {partnership.endReason}
        </p>
      )}
      <h3>History</h3>
      <ol className="history">
        {partnership.history.map((change, index) => (
          <li key={index}>
            <Time iso={change.at} />: {change.from ? `${STAGE_LABELS[change.from]} → ` : 'opened at '}
            {STAGE_LABELS[change.to]}
            {change.reason && ` (${change.reason})`}
            {change.note && ` — ${change.note}`}
          </li>
        ))}
      </ol>
    </div>
  );
}

function AgreementPanel({ partnership }: { partnership: Partnership }) {
  const agreement = partnership.agreement;
  if (!agreement) return null;
  return (
    <div className="panel">
      <h2>Agreement</h2>
      <dl className="facts">
        <dt>Signed on</dt>
        <dd>
          <Day date={agreement.signedOn} />
        </dd>
        <dt>Term ends</dt>
        <dd>{agreement.termEndsOn ? <Day date={agreement.termEndsOn} /> : 'Open-ended'}</dd>
        <dt>Signatories</dt>
        <dd>{agreement.signatories.join('; ') || '—'}</dd>
        <dt>Reference</dt>
        <dd>{agreement.reference ?? '—'}</dd>
        {agreement.documentUrl && (
          <>
            <dt>Document</dt>
            <dd>
              <a href={agreement.documentUrl}>The signed agreement</a>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** One partnership: both members, the path so far, what comes next, the agreement and its monitoring. */
export default function PartnershipPage() {
  const { id = '' } = useParams();
  const user = useOutletContext<User>();
  const partnership = usePartnership(id);
  const profiles = useMemberProfiles(partnership.data ? [partnership.data.memberA, partnership.data.memberB] : []);
  if (partnership.isPending) return <Loading what="the partnership" />;
  if (partnership.isError) return <ErrorState error={partnership.error} retry={() => partnership.refetch()} />;
  const p = partnership.data;
  const staff = user.role !== 'city_official';
  // A closed partnership (no move out of its stage) keeps its record as it is: the API refuses changes to it.
  const closed = p.allowedMoves.length === 0;
  const reasons = p.explanation?.reasons ?? [];
  return (
    <section>
      <h1 tabIndex={-1}>Partnership of {pairName(p, profiles)}</h1>
      <p className="meta">
        <StageBadge stage={p.stage} /> · {p.kind} · opened <Time iso={p.openedAt} /> ({p.origin.replace('-', ' ')})
        {p.themes.length > 0 && ` · themes: ${p.themes.join(', ')}`}
      </p>
      {!staff && (
        <>
          <OfficialCan partnership={p} />
          <p>
            <Link to={`/members/${user.memberId}/partnerships`}>All partnerships of your city</Link>
          </p>
        </>
      )}
      <div className="side-by-side">
        <MemberSide id={p.memberA} member={profiles.get(p.memberA)} linked={staff} />
        <MemberSide id={p.memberB} member={profiles.get(p.memberB)} linked={staff} />
      </div>
      {(p.score !== null || reasons.length > 0) && (
        <div className="panel">
          <h2>Why they match</h2>
          {p.score !== null && <ScoreBar score={p.score} label="Match score when the partnership opened" />}
          <ul className="reasons">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="panel">
        <h2>Next step</h2>
        {p.nextStep ? (
          <p>
            {p.nextStep}
            {p.nextStepDue && (
              <>
                {' '}
                — due <Day date={p.nextStepDue} />
              </>
            )}
          </p>
        ) : (
          <p>No next step recorded{staff ? ': set one below.' : '; the secretariat sets it.'}</p>
        )}
        <p className="meta">Owner at the secretariat: {p.owner ?? 'not assigned yet'}</p>
        {staff && !closed && <NextStepForm partnership={p} />}
      </div>
      <Timeline partnership={p} />
      {staff && p.allowedMoves.length > 0 && <StageMoves partnership={p} />}
      {!staff && EARLY.includes(p.stage) && <DeclineForm partnership={p} />}
      <AgreementPanel partnership={p} />
      <Milestones partnership={p} editable={!closed} />
      <Activities partnership={p} />
      {!closed && <ActivityForm partnership={p} />}
    </section>
  );
}
