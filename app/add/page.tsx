import type { Metadata } from "next";
import { headers } from "next/headers";
import { AddForm } from "@/components/AddForm";
import { addDisabled } from "./request";

export const metadata: Metadata = { title: "Add news" };

export default async function AddPage() {
  const disabled = addDisabled((await headers()).get("host"));
  return (
    <>
      <h1>Add news</h1>
      {disabled ? (
        <p className="notice" role="status" data-testid="add-disabled">
          {disabled}
        </p>
      ) : (
        <>
          <p className="lede">
            Paste an article&apos;s text or its address, or drop a saved web page. You see it as it will be saved, with what Precursor Watch
            reads in it, before anything is written. Feeds and folders: <code>npm run import</code>.
          </p>
          <AddForm />
        </>
      )}
    </>
  );
}
