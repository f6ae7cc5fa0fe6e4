/**
 * Who is named: organisations and countries (actors.ts), people with their titles
 * (officials.ts) and what they said (quotes.ts). They share the name lexicon, the
 * registry's names and the tokens names are matched on (names-*.ts).
 */
export { extractActors } from "./actors";
export { extractOfficials } from "./officials";
export { extractQuotes } from "./quotes";
