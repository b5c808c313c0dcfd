/**
 * Opens a section drawn in the browser in steps, one per task: `stages.reached(n)` turns true
 * for step n in a later task than the steps before it (the browser may paint and handle input
 * in between). A phone then never spends one long task on the whole section, so input is
 * never blocked for long (Total Blocking Time), and what the reader sees first comes first.
 *
 * Counting starts when `ready()` first turns true; later changes of the section (a filter,
 * « Voir plus ») are drawn at once, as every step has been reached by then.
 */
export function useStages(last: number, ready: () => boolean) {
  let current = $state(0);
  $effect(() => {
    if (!ready() || current >= last) return;
    const timer = setTimeout(() => current++, 0);
    return () => clearTimeout(timer);
  });
  return {
    reached: (step: number) => current >= step
  };
}
