import type { ComponentChildren } from 'preact';

/** A titled card holding one list of rows (devices, requests, teachers): the heading names the list for screen readers. */
export function CardList({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class="stack device-list">{children}</ul>
    </section>
  );
}
