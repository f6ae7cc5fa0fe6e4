import Link from "next/link";

export default function ArticleNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p className="lede">There is no article with this name. It may have been renamed, removed, or left out because of a content problem.</p>
      <p>
        <Link href="/articles">All articles</Link> · <Link href="/issues">Content issues</Link>
      </p>
    </>
  );
}
