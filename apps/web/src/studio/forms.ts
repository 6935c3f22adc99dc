import {
  creatorApplicationInput,
  DEFAULT_FREE_EPISODES,
  episodeInput,
  grantSeasonAccessInput,
  seasonInput,
  SERIES_STATUSES,
  seriesInput,
  type CreatorProfile,
  type StudioSeries,
} from '@wt/schemas';
import { z } from 'zod';
import { freeChoiceOf, freeOverrideOf } from './free-override';
import { centsToDollars, parseDollars } from './price';

/**
 * The studio's forms over the shared schemas: the same checks the API makes, with form-friendly
 * shapes (links typed one per line; free episodes typed in a number box).
 */

/** One link per line (blank lines ignored) -> the list the API takes. */
export function linksFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export const creatorApplicationForm = creatorApplicationInput.extend({
  links: z.preprocess(
    (value) => (typeof value === 'string' ? linksFromText(value) : value),
    creatorApplicationInput.shape.links,
  ),
});
export type CreatorApplicationFormValues = {
  displayName: string;
  slug: string;
  bio: string;
  /** One link per line. */
  links: string;
};

export function applicationDefaults(profile: CreatorProfile | null): CreatorApplicationFormValues {
  return {
    displayName: profile?.displayName ?? '',
    slug: profile?.slug ?? '',
    bio: profile?.bio ?? '',
    links: profile?.links.join('\n') ?? '',
  };
}

/** A page address typed with spaces and capitals, as the slug the schemas accept ("My Show!" -> "my-show"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** New series and the series editor; only the editor shows `status` (a new series is a draft). */
export const seriesForm = seriesInput.extend({
  // A number input hands over a string; an empty box is "say how many".
  freeEpisodes: z.preprocess(
    (value) => (value === '' || value === undefined ? undefined : Number(value)),
    seriesInput.shape.freeEpisodes.unwrap(),
  ),
  status: z.enum(SERIES_STATUSES, { message: 'Choose who can see the series.' }).optional(),
});

/** What the series form starts with: a new series has no genre yet (the select asks for one). */
export function seriesDefaults(
  series?: Pick<StudioSeries, 'title' | 'slug' | 'description' | 'genre' | 'freeEpisodes'>,
): Partial<z.input<typeof seriesForm>> {
  return {
    title: series?.title ?? '',
    slug: series?.slug ?? '',
    description: series?.description ?? '',
    genre: series?.genre,
    freeEpisodes: series?.freeEpisodes ?? DEFAULT_FREE_EPISODES,
  };
}

/** "Drama" for "drama". */
export function genreLabel(genre: string): string {
  return genre.charAt(0).toUpperCase() + genre.slice(1);
}

export function seriesEditDefaults(series: StudioSeries): Partial<z.input<typeof seriesForm>> {
  return { ...seriesDefaults(series), status: series.status };
}

/** A season: its title and its price typed in dollars ("4.99"); `priceCentsOf` turns it into cents. */
export const seasonForm = z.object({
  title: seasonInput.shape.title.unwrap(),
  price: z.string().superRefine((text, ctx) => {
    const parsed = parseDollars(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  }),
});

/** The checked price in cents (0 for anything the form's check would have refused). */
export function priceCentsOf(price: string): number {
  const parsed = parseDollars(price);
  return parsed.ok ? parsed.cents : 0;
}

export function seasonDefaults(season?: { title: string; priceCents: number }): z.input<typeof seasonForm> {
  return { title: season?.title ?? '', price: season ? centsToDollars(season.priceCents) : '0.00' };
}

/** An episode's title, description and free/locked choice. */
export const episodeForm = episodeInput.pick({ title: true, description: true }).extend({
  access: z.enum(['rule', 'free', 'locked'], { message: 'Choose who can watch it.' }),
});

export function episodeDefaults(episode?: {
  title: string;
  description: string;
  freeOverride: boolean | null;
}): z.input<typeof episodeForm> {
  return {
    title: episode?.title ?? '',
    description: episode?.description ?? '',
    access: freeChoiceOf(episode?.freeOverride ?? null),
  };
}

/** The checked episode form as the API's input. */
export function toEpisodeInput(values: z.output<typeof episodeForm>) {
  return {
    title: values.title,
    description: values.description,
    freeOverride: freeOverrideOf(values.access),
  };
}

export const grantAccessForm = grantSeasonAccessInput.pick({ username: true });

/** API field names that a studio form shows under another name. */
export function renameFields(
  fields: Record<string, string>,
  renames: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, message]) => [renames[name] ?? name, message]),
  );
}
