import { expect, type Page } from '@playwright/test';

/** Sign-up, sign-in and the account page, as a person uses them. */
export class AccountPages {
  constructor(readonly page: Page) {}

  async signUp(email: string, password: string): Promise<void> {
    await this.page.goto('/signup');
    await this.page.getByLabel('Adresse e-mail').fill(email);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Créer mon compte' }).click();
  }

  async signIn(email: string, password: string, next?: string): Promise<void> {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
    await this.page.getByLabel('Adresse e-mail').fill(email);
    await this.page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }

  async expectSignedInAs(email: string): Promise<void> {
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.page.getByText(`Connecté en tant que ${email}.`)).toBeVisible();
  }

  sessions() {
    return this.page.getByRole('region', { name: 'Appareils connectés' }).getByRole('listitem');
  }
}
