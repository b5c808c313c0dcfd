/** The current time as reactive state, refreshed every minute while the page is open. */
export function useNow(): { readonly current: Date } {
  let now = $state(new Date());
  $effect(() => {
    const timer = setInterval(() => (now = new Date()), 60_000);
    return () => clearInterval(timer);
  });
  return {
    get current() {
      return now;
    }
  };
}
