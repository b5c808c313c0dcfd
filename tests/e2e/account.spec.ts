import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { AccountPages } from './pages/account';

const PASSWORD = 'une phrase de passe pour les tests';
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${counter++}@example.org`;

test.describe('accounts', () => {
  test('sign-up shows translated inline errors and keeps what was typed', async ({ page }) => {
    const account = new AccountPages(page);
    await account.signUp('pas-une-adresse', 'court');
    await expect(page.getByText('Saisissez une adresse e-mail valable')).toBeVisible();
    await expect(page.getByLabel('Adresse e-mail')).toHaveValue('pas-une-adresse');
    await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');

    await account.signUp(uniqueEmail('common'), 'azertyuiop');
    await expect(page.getByText('Ce mot de passe fait partie des plus courants')).toBeVisible();

    await account.signUp('habitant@placette.test', PASSWORD);
    await expect(page.getByText('Un compte existe déjà avec cette adresse')).toBeVisible();
  });

  test('a new account is signed in with an HttpOnly, SameSite=Lax cookie; pages seen signed in are not stored', async ({ page, context }) => {
    const email = uniqueEmail('new');
    await new AccountPages(page).signUp(email, PASSWORD);
    await new AccountPages(page).expectSignedInAs(email);
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name)).toEqual(['placette_session']);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    const response = await page.request.get('/account');
    expect(response.headers()['cache-control']).toBe('private, no-store');
  });

  test('sessions are listed per device, and « Déconnecter partout ailleurs » signs the other devices out', async ({ browser }) => {
    const email = uniqueEmail('devices');
    const phone = await browser.newContext();
    const laptop = await browser.newContext();
    const onPhone = new AccountPages(await phone.newPage());
    const onLaptop = new AccountPages(await laptop.newPage());
    await onPhone.signUp(email, PASSWORD);
    await onPhone.expectSignedInAs(email);
    await onLaptop.signIn(email, PASSWORD);
    await onLaptop.expectSignedInAs(email);

    await onLaptop.page.reload();
    await expect(onLaptop.sessions()).toHaveCount(2);
    await expect(onLaptop.sessions().filter({ hasText: 'Cet appareil' })).toHaveCount(1);

    await onLaptop.page.getByRole('button', { name: 'Déconnecter partout ailleurs' }).click();
    await expect(onLaptop.page.getByText('1 autre(s) appareil(s) déconnecté(s).')).toBeVisible();
    await expect(onLaptop.sessions()).toHaveCount(1);

    await onPhone.page.goto('/account');
    await expect(onPhone.page).toHaveURL(/\/login\?next=%2Faccount$/);
    await phone.close();
    await laptop.close();
  });

  test('signing in works without JavaScript under Referrer-Policy: no-referrer', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const account = new AccountPages(await context.newPage());
    const response = await account.page.goto('/login');
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await account.signIn('habitant@placette.test', 'placette-demo');
    await account.expectSignedInAs('habitant@placette.test');
    await context.close();
  });

  test('a form posted to Placette from another site is refused', async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A page on another origin whose form targets our sign-in, as a cross-site attack would.
    await page.route('http://other-site.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${baseURL}/login">
          <input name="email" value="habitant@placette.test"><input name="password" value="placette-demo">
          <button>Envoyer</button></form>`
      })
    );
    await page.goto('http://other-site.test/');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${baseURL}/login`)),
      page.getByRole('button', { name: 'Envoyer' }).click()
    ]);
    expect(response.status()).toBe(403);
    expect(await context.cookies(baseURL)).toEqual([]);
    await context.close();
  });

  test('wrong passwords are refused and then rate-limited with a clear message', async ({ page }) => {
    test.slow(); // nine argon2id verifications
    const email = uniqueEmail('limited');
    const account = new AccountPages(page);
    await account.signUp(email, PASSWORD);
    await account.expectSignedInAs(email);
    // A plain form post (no JavaScript needed) signs out.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL('/');
    expect(await page.context().cookies()).toEqual([]);
    for (let i = 0; i < 8; i++) {
      await account.signIn(email, 'mauvais mot de passe');
      await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
    }
    await account.signIn(email, PASSWORD);
    await expect(page.getByRole('alert')).toContainText('Trop de tentatives. Réessayez dans');
  });

  test('export downloads the account data; deletion removes the account for good', async ({ page }) => {
    const email = uniqueEmail('gone');
    const account = new AccountPages(page);
    await account.signUp(email, PASSWORD);
    await account.expectSignedInAs(email);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger mes données' }).click();
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(file).toMatchObject({ format: 'placette-account-export', account: { email, role: 'citizen', two_factor: false } });
    expect(file.sessions).toHaveLength(1);
    expect(JSON.stringify(file)).not.toMatch(/argon2|password_hash|secret/i);

    const danger = page.getByRole('region', { name: 'Supprimer le compte' });
    await danger.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await expect(danger.getByText('Cochez la case pour confirmer.')).toBeVisible();
    await danger.getByLabel('Mot de passe actuel').fill(PASSWORD);
    await danger.getByLabel('Je comprends que la suppression est définitive').check();
    await danger.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await expect(page).toHaveURL('/?account=deleted');
    expect(await page.context().cookies()).toEqual([]);

    await account.signIn(email, PASSWORD);
    await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
  });

  test('two-factor: turning it on shows recovery codes, and sign-in then asks for a code', async ({ page }) => {
    test.slow();
    const { generateTOTP } = await import('@oslojs/otp');
    const { decodeBase32IgnorePadding } = await import('@oslojs/encoding');
    const email = uniqueEmail('totp');
    const account = new AccountPages(page);
    await account.signUp(email, PASSWORD);
    await account.expectSignedInAs(email);
    await page.goto('/account/security');
    const key = decodeBase32IgnorePadding((await page.getByTestId('totp-key').innerText()).replace(/\s/g, ''));
    await page.getByLabel('Code', { exact: true }).fill(generateTOTP(key, 30, 6));
    await page.getByRole('button', { name: 'Activer' }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const recovery = (await codes.first().innerText()).trim();

    await page.goto('/account');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await account.signIn(email, PASSWORD);
    await expect(page).toHaveURL(/\/login\/two-factor/);
    // Not signed in until the second step.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\/two-factor/);
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await expect(page.getByText('Ce code n’est pas valable')).toBeVisible();
    await page.getByLabel('Code', { exact: true }).fill(recovery);
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await account.expectSignedInAs(email);
    await expect(page.getByText('Activée. Codes de secours restants : 9.')).toBeVisible();
  });
});
