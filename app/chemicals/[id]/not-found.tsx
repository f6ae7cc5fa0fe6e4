import Link from "next/link";

export default function ChemicalNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p className="lede">There is no chemical with this id. It may have been renamed in the registry.</p>
      <p>
        <Link href="/chemicals">All chemicals</Link>
      </p>
    </>
  );
}
