/** Previous / next through a paged list; pages count from 0 as in the API, and from 1 for people. */
export function Pager({
  page,
  totalPages,
  onPage,
  label,
}: {
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  label: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button button--secondary"
        disabled={page <= 0}
        onClick={() => onPage(page - 1)}
      >
        Previous page
      </button>
      <span aria-current="page">
        Page {page + 1} of {totalPages}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= totalPages - 1}
        onClick={() => onPage(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
