import { describe, expect, it } from 'vitest';
import { digestNotification } from '../../src/lib/personalisation/digest-notification';
import type { DigestPayload } from '../../src/lib/schemas/push';

const digest: DigestPayload = {
  v: 1,
  type: 'digest',
  city: 'Toulouse',
  items: [
    { id: 'deal-3', kind: 'deal', title: '-20 % sur les romans policiers', themes: ['librairies'], shop_name: 'Librairie des Arcades' },
    { id: 'event-8', kind: 'event', title: 'La Traviata au Théâtre du Capitole', themes: ['opera'] },
    { id: 'deal-9', kind: 'deal', title: 'Maillot de supporter à -15 %', themes: ['sport', 'mode'], shop_name: 'Rouge et Noir' },
    { id: 'event-12', kind: 'event', title: 'Match au Stade Ernest-Wallon', themes: ['sport'] }
  ]
};

describe('digest notification wording on the device', () => {
  it('speaks to a reader and opera lover about their items only', () => {
    const n = digestNotification(digest, { locale: 'fr', themes: { librairies: 'high', opera: 'low', sport: 'muted' } });
    expect(n.title).toBe('Un bon plan et un événement pour vous');
    expect(n.body).toBe('Librairie des Arcades\u00a0: -20 % sur les romans policiers · La Traviata au Théâtre du Capitole');
    expect(n.matched).toBe(2);
  });

  it('speaks to the opposite profile about sport, from the very same payload', () => {
    const n = digestNotification(digest, { locale: 'fr', themes: { sport: 'high', librairies: 'muted', opera: 'muted' } });
    expect(n.title).toBe('Un bon plan et un événement pour vous');
    expect(n.body).toBe('Rouge et Noir\u00a0: Maillot de supporter à -15 % · Match au Stade Ernest-Wallon');
    expect(n.body).not.toContain('Traviata');
  });

  it('ranks stronger themes first and links straight to a single match', () => {
    const n = digestNotification(digest, { locale: 'en', themes: { opera: 'high' } });
    expect(n).toEqual({ title: 'One event for you', body: 'La Traviata au Théâtre du Capitole', url: '/items/event-8', matched: 1 });
  });

  it('falls back to a neutral "Nouveautés à Toulouse" when nothing matches', () => {
    const n = digestNotification(digest, { locale: 'fr', themes: { jardins: 'high' } });
    expect(n.title).toBe('Nouveautés à Toulouse');
    expect(n.body).toBe('4 nouveautés à découvrir\u00a0: bons plans et sorties.');
    expect(n.matched).toBe(0);
    expect(n.url).toBe('/');
  });

  it('counts in plural forms', () => {
    const n = digestNotification(digest, { locale: 'fr', themes: { sport: 'high', mode: 'low', librairies: 'low' } });
    expect(n.title).toBe('2 bons plans et un événement pour vous');
  });

  it('does not count items of muted themes in the neutral message', () => {
    const n = digestNotification(digest, { locale: 'fr', themes: { sport: 'muted' } });
    expect(n.body).toContain('2 nouveautés');
  });
});
