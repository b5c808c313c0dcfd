export const PAGE_SIZE = 12;

/** "Voir plus" paging for long card lists: how many cards are shown so far. */
export class Pager {
  shown = $state(PAGE_SIZE);

  more(): void {
    this.shown += PAGE_SIZE;
  }

  reset(): void {
    this.shown = PAGE_SIZE;
  }
}
