/**
 * Runs once when the server starts, before it answers: the articles folder starts being
 * listed in a worker thread while Next.js loads the first page (see startEarlyListing in
 * lib/content/listing.ts). At 100,000 articles that listing is ~0.6 s the first page
 * would otherwise wait for.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { articlesDir, startEarlyListing } = await import("./lib/content/listing");
  // Not awaited: the listing goes on while the server starts.
  void startEarlyListing(articlesDir());
}
