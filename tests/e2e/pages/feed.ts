import { expect, type Locator, type Page } from '@playwright/test';
import { feedCards, feedIds, waitForFeed } from '../support/app';

/** The home page: onboarding panel, filters and the "Pour vous" feed. */
export class FeedPage {
  readonly onboarding: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.onboarding = page.locator('section.onboarding');
    this.cards = feedCards(page);
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await waitForFeed(this.page);
  }

  themeCheckbox(slug: string): Locator {
    return this.onboarding.locator(`input[data-theme="${slug}"]`);
  }

  /** Ticks a theme in the onboarding panel by clicking its label, as a person does. */
  async pickTheme(slug: string): Promise<void> {
    await this.onboarding.locator('label').filter({ has: this.page.locator(`input[data-theme="${slug}"]`) }).click();
    await expect(this.themeCheckbox(slug)).toBeChecked();
  }

  async start(): Promise<void> {
    await this.onboarding.getByRole('button', { name: 'C’est parti' }).click();
    await expect(this.onboarding).toBeHidden();
  }

  async skip(): Promise<void> {
    await this.onboarding.getByRole('button', { name: 'Plus tard' }).click();
    await expect(this.onboarding).toBeHidden();
  }

  async filter(name: string): Promise<void> {
    const button = this.page.getByRole('group', { name: /Filtrer le fil|Filter the feed/ }).getByRole('button', { name, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  card(id: string): Locator {
    return this.page.locator(`ul.feed article[data-item-id="${id}"]`);
  }

  /** The "why" line of each card, top to bottom. */
  async reasons(count: number): Promise<string[]> {
    return this.cards.evaluateAll(
      (cards, n) => cards.slice(0, n).map((c) => c.querySelector('.why')?.textContent?.trim() ?? ''),
      count
    );
  }

  ids(): Promise<string[]> {
    return feedIds(this.page);
  }
}
