import Link from "next/link";

export default function ActorNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p className="lede">There is no actor with this id. It may have been renamed in the registry.</p>
      <p>
        <Link href="/actors">All actors</Link>
      </p>
    </>
  );
}
