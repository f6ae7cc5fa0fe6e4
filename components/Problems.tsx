import type { ParamProblem } from "@/lib/url-state";

/** Says which URL values were ignored and what is shown instead. */
export function Problems({ problems }: { problems: ParamProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="url-problems">
      <p className="notice-title">Some of the address could not be used:</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}
