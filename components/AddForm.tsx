"use client";

import { useRouter } from "next/navigation";
import { useState, type DragEvent, type FormEvent } from "react";
import { ArticleBody } from "@/components/ArticleBody";
import { articleFileName } from "@/lib/intake/slug";
import type { PreviewView } from "@/lib/queries/preview";

type Fields = { title: string; date: string; source: string; url: string };

/** /add: text, address or dropped page in; a preview with highlights; Save writes and opens the article. */
export function AddForm() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  const [error, setError] = useState<{ message: string; duplicateOf?: string } | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [dragging, setDragging] = useState(false);

  function inputChanged() {
    setPreview(null);
    setFields(null);
    setError(null);
  }

  async function runPreview(event?: FormEvent) {
    event?.preventDefault();
    setBusy("preview");
    setError(null);
    const form = new FormData();
    form.set("text", text);
    if (file) form.set("file", file);
    if (fields) for (const [k, v] of Object.entries(fields)) form.set(k, v);
    try {
      const response = await fetch("/add/preview", { method: "POST", body: form });
      const json = await response.json();
      if (!json.ok) {
        setError({ message: json.message });
        return;
      }
      const view = json.preview as PreviewView;
      setPreview(view);
      setFields({ title: view.draft.title, date: view.draft.date ?? "", source: view.draft.source ?? "", url: view.draft.url ?? "" });
    } catch {
      setError({ message: "The preview could not be made: the server did not answer." });
    } finally {
      setBusy(null);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!preview || !fields) return;
    setBusy("save");
    setError(null);
    try {
      const response = await fetch("/add/save", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...fields, body: preview.body }),
      });
      const json = await response.json();
      if (!json.ok) {
        setError({ message: json.message, duplicateOf: json.duplicateOf });
        setBusy(null);
        return;
      }
      router.push(`/articles/${encodeURIComponent(json.slug)}`);
    } catch {
      setError({ message: "Not saved: the server did not answer." });
      setBusy(null);
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) {
      setFile(dropped);
      inputChanged();
    }
  }

  // The server chose the name for what it read; after an edit, the name follows the edit.
  const fileName =
    preview && fields && (fields.title !== preview.draft.title || fields.date !== (preview.draft.date ?? ""))
      ? articleFileName(fields.title || preview.body.slice(0, 80), /^\d{4}-\d{2}-\d{2}$/.test(fields.date) ? fields.date : undefined, new Set())
      : preview?.fileName;

  const set = (key: keyof Fields) => (e: { target: { value: string } }) => setFields((f) => (f ? { ...f, [key]: e.target.value } : f));

  return (
    <div className="add">
      <form onSubmit={runPreview} className="card add-input" aria-label="Article to add">
        <label htmlFor="add-text">Text or address of the article</label>
        <textarea
          id="add-text"
          name="text"
          rows={8}
          value={text}
          placeholder={"Title: China to control two more precursors\nSource: Wirewatch\nDate: 2025-06-20\n\nBEIJING (Wirewatch) - China said on Friday ...\n\nor https://..."}
          onChange={(e) => {
            setText(e.target.value);
            inputChanged();
          }}
        />
        <div
          className={`dropzone${dragging ? " dropzone-active" : ""}`}
          data-testid="dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor="add-file">Saved web page (.html), text or Markdown file</label>{" "}
          <input
            id="add-file"
            type="file"
            accept=".html,.htm,.xhtml,.txt,.md,.markdown,text/html,text/plain"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              inputChanged();
            }}
          />
          <span className="muted"> or drop it here.</span>
          {file && (
            <p className="muted">
              Using {file.name} ({Math.ceil(file.size / 1024)} KB).{" "}
              <button type="button" className="link-button" onClick={() => { setFile(null); inputChanged(); }}>
                Remove
              </button>
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={busy !== null}>
          {busy === "preview" ? "Reading…" : "Preview"}
        </button>
      </form>

      {error && (
        <p className="notice" role="alert" data-testid="add-error">
          {error.message}
          {error.duplicateOf && (
            <>
              {" "}
              <a href={`/articles/${encodeURIComponent(error.duplicateOf)}`}>Open it</a>
            </>
          )}
        </p>
      )}

      {preview && fields && (
        <section aria-labelledby="preview-heading" className="add-preview">
          <h2 id="preview-heading">Preview</h2>
          <form onSubmit={save} className="card add-fields" aria-label="As it will be saved">
            <label>
              Title <input name="title" value={fields.title} onChange={set("title")} required />
            </label>
            <label>
              Date <input name="date" type="date" value={fields.date} onChange={set("date")} required />
            </label>
            <label>
              Source <input name="source" value={fields.source} onChange={set("source")} required />
            </label>
            <label>
              Address (URL) <input name="url" type="url" value={fields.url} onChange={set("url")} />
            </label>
            {preview.problems.length > 0 && (
              <div className="notice" data-testid="preview-problems">
                <p className="notice-title">To fix before saving</p>
                <ul>
                  {preview.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            )}
            {preview.referenceNote && <p className="muted">{preview.referenceNote}</p>}
            <p className="muted">
              Will be saved as <code>{fileName}</code> in the articles folder (with a -2 suffix if another story has the name).
            </p>
            <div className="add-actions">
              <button type="button" className="button button-quiet" onClick={() => runPreview()} disabled={busy !== null}>
                Preview again
              </button>
              <button type="submit" className="button" disabled={busy !== null}>
                {busy === "save" ? "Saving…" : "Save"}
              </button>
            </div>
          </form>
          <div className="article-layout">
            <div>
              <h3 className="add-title">{fields.title || "(no title)"}</h3>
              <ArticleBody body={preview.body} marks={preview.marks} sentences={preview.sentences} />
            </div>
            <aside className="card record-panel" aria-labelledby="read-heading">
              <h2 id="read-heading">What Precursor Watch reads</h2>
              <PreviewList testId="preview-chemicals" title="Chemicals" kind="chemical" items={preview.chemicals.map((c) => ({ key: c.id, label: c.name, detail: c.detail }))} />
              <PreviewList testId="preview-people" title="People" kind="official" items={preview.people.map((p) => ({ key: p.id, label: p.name, detail: p.detail }))} />
              <PreviewList testId="preview-figures" title="Figures" kind="statistic" items={preview.figures.map((f) => ({ key: f.text, label: f.text, detail: f.detail }))} />
              <PreviewList
                testId="preview-events"
                title="Events"
                kind="event"
                items={preview.events.map((e) => ({ key: e.id, label: `${e.dateLabel} · ${e.type}${e.phase ? ` (${e.phase})` : ""}${e.status === "scheduled" ? " · scheduled" : ""}`, detail: e.sentence }))}
              />
            </aside>
          </div>
        </section>
      )}
    </div>
  );
}

function PreviewList({ testId, title, kind, items }: { testId: string; title: string; kind: string; items: { key: string; label: string; detail?: string }[] }) {
  const headingId = `${testId}-heading`;
  return (
    <section className="record-group" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>
        {title} <span className="chip-count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">None found.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              {kind !== "event" && <span className={`record-key record-${kind}`} aria-hidden="true" />}
              <span className="record-text">
                <strong>{item.label}</strong>
                {item.detail && <span className="meta"> · {item.detail}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
