/** A score from 0 to 1 as a bar and a number; the meter role carries the value for screen readers. */
export function ScoreBar({ score, label }: { score: number; label: string }) {
  const percent = Math.round(score * 100);
  return (
    <div className="score" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
      <svg className="score-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
        <rect width="100" height="8" rx="4" className="score-track" />
        <rect width={percent} height="8" rx="4" className="score-fill" />
      </svg>
      <span className="score-value">{percent}</span>
    </div>
  );
}
