"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type FormEvent } from "react";
import type { FilterPanelView } from "@/lib/queries";
import { DEFAULT_FILTERS, FilterState, hrefWith } from "@/lib/url-state";

const DATE_PATTERN = "\\d{4}(-\\d{2}(-\\d{2})?)?";

/** The form's fields as a filter state; the URL contract decides what is written. */
function stateFromForm(form: HTMLFormElement, base: FilterState): FilterState {
  const data = new FormData(form);
  const text = (key: string) => {
    const value = String(data.get(key) ?? "").trim();
    return value === "" ? undefined : value;
  };
  return {
    ...DEFAULT_FILTERS,
    stack: base.stack,
    actor: data.getAll("actor").map(String),
    chemical: data.getAll("chemical").map(String),
    type: FilterState.shape.type.safeParse(text("type")).data,
    from: text("from"),
    to: text("to"),
    q: text("q"),
  };
}

/**
 * The filters as a plain GET form (it works without JavaScript). With JavaScript, ticking
 * a box or picking a type navigates at once, and text fields apply on Enter; the URL
 * holds every filter, so links are shareable and back and forward restore them.
 */
export function FilterPanel({ view }: { view: FilterPanelView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { state } = view;
  const drawer = useRef<HTMLDetailsElement>(null);

  // The panel is open in the HTML (it works without JavaScript); on a narrow screen it
  // folds away so the results come first, and the summary line opens it again.
  useEffect(() => {
    if (drawer.current && !window.matchMedia("(min-width: 960px)").matches) drawer.current.open = false;
  }, []);

  function go(form: HTMLFormElement) {
    const href = hrefWith(view.path, stateFromForm(form, state));
    startTransition(() => router.push(href, { scroll: false }));
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(event.currentTarget);
  }

  const facet = (key: "actor" | "chemical", title: string, list: FilterPanelView["actors"]) => (
    <fieldset className="facet">
      <legend>{title}</legend>
      {list.options.length === 0 ? (
        <p className="meta">None in these events.</p>
      ) : (
        <ul className="facet-options">
          {list.options.map((o) => (
            <li key={o.id}>
              <label className={o.count === 0 && !o.selected ? "facet-option is-zero" : "facet-option"}>
                <input type="checkbox" name={key} value={o.id} defaultChecked={o.selected} onChange={(e) => go(e.currentTarget.form!)} />
                <span className="facet-name">
                  {o.name}
                  {o.detail && <span className="visually-hidden">, {o.detail}</span>}
                </span>
                <span className="count">
                  {o.count.toLocaleString("en-US")}
                  <span className="visually-hidden"> {o.count === 1 ? "event" : "events"}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {list.hidden > 0 && <p className="meta">{list.hidden.toLocaleString("en-US")} less frequent values not listed; search by text to find them.</p>}
    </fieldset>
  );

  const active = view.active.length;
  return (
    <details className="filter-drawer" open ref={drawer} key={hrefWith(view.path, state)}>
      <summary>
        Filters{active > 0 ? ` · ${active} active` : ""}
      </summary>
      <form
        method="get"
        action={view.path}
        onSubmit={onSubmit}
        className="filters"
        aria-label="Filters"
        aria-busy={pending}
        data-pending={pending ? "" : undefined}
      >
        {state.stack !== DEFAULT_FILTERS.stack && <input type="hidden" name="stack" value={state.stack} />}
        <div className="field">
          <label htmlFor="filter-q">Text</label>
          <input id="filter-q" type="search" name="q" defaultValue={state.q ?? ""} placeholder="Words in the sentence or names" maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="filter-type">Event type</label>
          <select id="filter-type" name="type" defaultValue={state.type ?? ""} onChange={(e) => go(e.currentTarget.form!)}>
            {view.types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label} ({t.count.toLocaleString("en-US")})
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="filter-from">From</label>
            <input id="filter-from" name="from" defaultValue={state.from ?? ""} placeholder="YYYY-MM-DD" pattern={DATE_PATTERN} inputMode="numeric" aria-describedby="filter-date-hint" title="YYYY, YYYY-MM or YYYY-MM-DD" />
          </div>
          <div className="field">
            <label htmlFor="filter-to">To</label>
            <input id="filter-to" name="to" defaultValue={state.to ?? ""} placeholder="YYYY-MM-DD" pattern={DATE_PATTERN} inputMode="numeric" aria-describedby="filter-date-hint" title="YYYY, YYYY-MM or YYYY-MM-DD" />
          </div>
        </div>
        <p id="filter-date-hint" className="hint">
          A year, a month or a day: 2024, 2024-08 or 2024-08-07.
        </p>
        <div className="button-row">
          <button type="submit" className="button">
            Apply filters
          </button>
          <Link href={view.clearHref} className="button button-quiet" scroll={false}>
            Clear all
          </Link>
        </div>
        <p className="meta filters-status" role="status" aria-live="polite">
          {pending ? "Updating…" : ""}
        </p>
        {facet("actor", "Actors", view.actors)}
        {facet("chemical", "Chemicals", view.chemicals)}
      </form>
    </details>
  );
}
