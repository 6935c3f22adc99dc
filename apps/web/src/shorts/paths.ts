/** Where the Shorts pages live. */
export const seriesPath = (slug: string) => `/series/${encodeURIComponent(slug)}`;
export const creatorPath = (slug: string) => `/creators/${encodeURIComponent(slug)}`;
export const watchPath = (episodeId: string) => `/watch/${encodeURIComponent(episodeId)}`;
export const coverAlt = (title: string) => `Cover of ${title}`;
