import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p className="lede">There is no page here. The article, chemical or actor may have been renamed or removed.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </>
  );
}
