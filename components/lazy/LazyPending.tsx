// LazyPending: what a lazily loaded view shows for the moment its code is being loaded.

/** An empty, busy placeholder (no text: it lasts a few milliseconds). */
export function LazyPending() {
  return <div class="lazy-pending" aria-busy="true" />;
}
