export default function Loading() {
  return (
    <div className="loading" role="status" aria-live="polite">
      <h1>Charts</h1>
      <p className="lede">Loading charts…</p>
      <div className="skeleton skeleton-chart" />
      <div className="skeleton skeleton-chart" />
    </div>
  );
}
