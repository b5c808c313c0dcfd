/**
 * Calls `set` with `el`'s border-box size now and whenever it changes; returns the disconnect
 * (an `$effect`'s cleanup). Through a ResizeObserver, whose first call comes after the first
 * layout, before the paint: reading offsetWidth at once would force a layout in the middle of
 * the page's hydration.
 */
export function observeSize(el: HTMLElement | undefined, set: (width: number, height: number) => void): (() => void) | undefined {
  if (!el) return;
  const observer = new ResizeObserver(([entry]) => {
    const box = entry?.borderBoxSize?.[0];
    if (box) set(Math.round(box.inlineSize), Math.round(box.blockSize));
    else set(el.offsetWidth, el.offsetHeight);
  });
  observer.observe(el);
  return () => observer.disconnect();
}
