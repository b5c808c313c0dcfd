import { expect, type Locator, type Page } from '@playwright/test';

/** /preferences: themes (follow, how much, mute), language, export/import. */
export class PreferencesPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/preferences');
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: /Préférences|Preferences/ })).toBeVisible();
    await expect(this.themeRow('patrimoine')).toBeVisible();
  }

  /** The controls of one theme. */
  themeRow(slug: string): Locator {
    return this.page.locator(`[data-theme-row="${slug}"]`);
  }

  async follow(slug: string): Promise<void> {
    const row = this.themeRow(slug);
    await row.getByRole('checkbox', { name: /Suivre|Follow/ }).check();
  }

  async unfollow(slug: string): Promise<void> {
    const row = this.themeRow(slug);
    await row.getByRole('checkbox', { name: /Suivre|Follow/ }).uncheck();
  }

  async mute(slug: string): Promise<void> {
    const row = this.themeRow(slug);
    await row.getByRole('checkbox', { name: /Masquer|Mute|Hide/ }).check();
  }

  async export(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Exporter mes préférences' }).click();
    const file = await download;
    const path = await file.path();
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    return path;
  }

  async import(path: string): Promise<void> {
    await this.page.locator('input[type="file"]').setInputFiles(path);
  }
}
