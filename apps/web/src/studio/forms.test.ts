import { describe, expect, it } from 'vitest';
import {
  creatorApplicationForm,
  episodeDefaults,
  episodeForm,
  linksFromText,
  priceCentsOf,
  renameFields,
  seasonDefaults,
  seasonForm,
  seriesForm,
  slugify,
  toEpisodeInput,
} from './forms';

describe('creator application form', () => {
  it('turns one link per line into the list', () => {
    expect(linksFromText(' https://a.example \n\n https://b.example\r\n')).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    const parsed = creatorApplicationForm.parse({
      displayName: 'Ana',
      slug: 'Ana-Films',
      bio: '',
      links: 'https://a.example\nhttps://b.example',
    });
    expect(parsed.links).toEqual(['https://a.example', 'https://b.example']);
    expect(parsed.slug).toBe('ana-films');
  });

  it('puts a bad link under links', () => {
    const result = creatorApplicationForm.safeParse({
      displayName: 'Ana',
      slug: 'ana',
      bio: '',
      links: 'not a link',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['links', 0],
      message: 'Each link is a full address starting with https://.',
    });
  });
});

describe('slugify', () => {
  it.each([
    ['My Show!', 'my-show'],
    ['  Café  Noir ', 'cafe-noir'],
    ['---', ''],
  ])('%j -> %j', (text, slug) => expect(slugify(text)).toBe(slug));
});

describe('series form', () => {
  it('reads free episodes from a number box', () => {
    const parsed = seriesForm.parse({
      title: 'T',
      slug: 'the-show',
      description: '',
      genre: 'drama',
      freeEpisodes: '2',
    });
    expect(parsed.freeEpisodes).toBe(2);
    expect(
      seriesForm.safeParse({ title: 'T', slug: 'the-show', genre: 'drama', freeEpisodes: '' }).error
        ?.issues[0]?.message,
    ).toBe('Say how many episodes are free.');
    expect(
      seriesForm.safeParse({ title: 'T', slug: 'the-show', genre: 'drama', freeEpisodes: '1.5' }).error
        ?.issues[0]?.message,
    ).toBe('Free episodes are a whole number.');
  });
});

describe('season form', () => {
  it('saves the price in cents', () => {
    expect(priceCentsOf(seasonForm.parse({ title: 'One', price: '4.99' }).price)).toBe(499);
    expect(seasonForm.safeParse({ title: '', price: '4.999' }).error?.issues[0]).toMatchObject({
      path: ['price'],
    });
    expect(seasonDefaults({ title: 'One', priceCents: 250 })).toEqual({ title: 'One', price: '2.50' });
  });
});

describe('episode form', () => {
  it('maps the access choice to the override', () => {
    const values = episodeForm.parse({ title: 'Pilot', description: '', access: 'locked' });
    expect(toEpisodeInput(values)).toEqual({ title: 'Pilot', description: '', freeOverride: false });
    expect(episodeDefaults({ title: 'Pilot', description: '', freeOverride: true }).access).toBe('free');
    expect(episodeDefaults().access).toBe('rule');
  });
});

describe('renameFields', () => {
  it('moves API field names to the form', () => {
    expect(renameFields({ priceCents: 'Too much.', title: 'Too long.' }, { priceCents: 'price' })).toEqual({
      price: 'Too much.',
      title: 'Too long.',
    });
  });
});
