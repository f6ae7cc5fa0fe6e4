export default function Loading() {
  return (
    <div className="loading" role="status" aria-live="polite">
      <h1>Timeline</h1>
      <p className="lede">Loading events…</p>
      <div className="skeleton" />
      <div className="skeleton" />
      <div className="skeleton" />
    </div>
  );
}
