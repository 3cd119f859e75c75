/**
 * Previous and next page buttons under a list whose offset lives in the URL. `hasNext` says whether a page follows
 * (from the total where the API gives one).
 */
export function Pager({
  label,
  offset,
  pageSize,
  hasNext,
  goTo,
}: {
  label: string;
  offset: number;
  pageSize: number;
  hasNext: boolean;
  goTo: (offset: number) => void;
}) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={offset === 0} onClick={() => goTo(Math.max(0, offset - pageSize))}>
        Previous page
      </button>
      <button type="button" disabled={!hasNext} onClick={() => goTo(offset + pageSize)}>
        Next page
      </button>
    </nav>
  );
}
