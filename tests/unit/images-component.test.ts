import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ResponsiveImage from '../../src/lib/components/ui/ResponsiveImage.svelte';
import type { ImageDescriptor } from '../../src/lib/images/limits';

const image: ImageDescriptor = {
  id: 'abcdefghijklmnopqrstuvwxyz',
  width: 1280,
  height: 853,
  widths: [320, 640, 1280],
  formats: ['avif', 'webp']
};

function parse(html: string) {
  const tags = [...html.matchAll(/<(source|img)\b([^>]*)>/g)].map(([, tag, attrs]) => ({
    tag,
    attrs: Object.fromEntries([...attrs.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]))
  }));
  return { tags, sources: tags.filter((t) => t.tag === 'source'), img: tags.find((t) => t.tag === 'img')!.attrs };
}

describe('ResponsiveImage', () => {
  it('offers AVIF then WebP at every stored width, inside a <picture>', () => {
    const { body } = render(ResponsiveImage, { props: { image, alt: 'La vitrine de la librairie', sizes: '(min-width: 40rem) 50vw, 100vw' } });
    expect(body).toMatch(/<picture[^>]*>[\s\S]*<\/picture>/);
    const { sources, img } = parse(body);
    expect(sources.map((s) => s.attrs.type)).toEqual(['image/avif', 'image/webp']);
    const id = image.id;
    expect(sources[0].attrs.srcset).toBe(`/media/${id}-320.avif 320w, /media/${id}-640.avif 640w, /media/${id}-1280.avif 1280w`);
    expect(sources[1].attrs.srcset).toBe(`/media/${id}-320.webp 320w, /media/${id}-640.webp 640w, /media/${id}-1280.webp 1280w`);
    for (const source of sources) expect(source.attrs.sizes).toBe('(min-width: 40rem) 50vw, 100vw');
    expect(img).toMatchObject({
      src: `/media/${id}-640.webp`,
      alt: 'La vitrine de la librairie',
      width: '1280',
      height: '853',
      loading: 'lazy',
      decoding: 'async'
    });
  });

  it('only lists the widths the image has, and can load eagerly', () => {
    const small = { ...image, width: 320, height: 240, widths: [320] } satisfies ImageDescriptor;
    const { body } = render(ResponsiveImage, { props: { image: small, alt: '', loading: 'eager' } });
    const { sources, img } = parse(body);
    expect(sources.map((s) => s.attrs.srcset)).toEqual([`/media/${image.id}-320.avif 320w`, `/media/${image.id}-320.webp 320w`]);
    expect(img).toMatchObject({ src: `/media/${image.id}-320.webp`, alt: '', width: '320', height: '240', loading: 'eager' });
    expect(sources[0].attrs.sizes).toBe('100vw');
  });
});
