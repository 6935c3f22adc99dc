/*
 * The demo platform's fixed cast and content. build.ts turns it into rows with dates relative to "now".
 */

export const DEMO_PASSWORD = 'watchtogether-demo';

export const DEMO_ACCOUNT = {
  username: 'demo',
  email: 'demo@watchtogether.local',
  displayName: 'Demo Viewer',
  password: DEMO_PASSWORD,
} as const;

export type Role = 'viewer' | 'creator' | 'admin';

export interface CastMember {
  username: string;
  displayName: string;
  bio: string;
  role: Role;
  /** Days since the account was created. */
  joinedDaysAgo: number;
  /** Watch sessions over the last six weeks. */
  sessions: number;
  isVerified?: boolean;
  /** Days of premium left (a past leaderboard prize). */
  premiumDays?: number;
  /** Older chat activity ("send 10 messages" awards) to credit in xp_log. */
  chatAwards?: number;
}

export const CAST: readonly CastMember[] = [
  {
    username: 'demo',
    displayName: 'Demo Viewer',
    bio: 'Here for the watch parties. Friday movie night host.',
    role: 'viewer',
    joinedDaysAgo: 60,
    sessions: 18,
    chatAwards: 4,
  },
  {
    username: 'admin',
    displayName: 'Platform Admin',
    bio: 'Keeping WatchTogether friendly.',
    role: 'admin',
    joinedDaysAgo: 120,
    sessions: 3,
    isVerified: true,
  },
  {
    username: 'maya',
    displayName: 'Maya Chen',
    bio: 'I make one-minute dramas about late-night diners.',
    role: 'creator',
    joinedDaysAgo: 90,
    sessions: 12,
    isVerified: true,
    chatAwards: 2,
  },
  {
    username: 'kai',
    displayName: 'Kai Okafor',
    bio: 'Thrillers in vertical. Bikes, rain, secrets.',
    role: 'creator',
    joinedDaysAgo: 75,
    sessions: 8,
    isVerified: true,
  },
  {
    username: 'alex',
    displayName: 'Alex Rivera',
    bio: 'Anime, horror, and whatever Priya picks.',
    role: 'viewer',
    joinedDaysAgo: 58,
    sessions: 26,
    premiumDays: 80,
    chatAwards: 9,
  },
  {
    username: 'priya',
    displayName: 'Priya Sharma',
    bio: 'Lo-fi study sessions every weekday.',
    role: 'viewer',
    joinedDaysAgo: 55,
    sessions: 34,
    premiumDays: 80,
    chatAwards: 12,
  },
  {
    username: 'jordan',
    displayName: 'Jordan Lee',
    bio: 'Always late, never misses the ending.',
    role: 'viewer',
    joinedDaysAgo: 40,
    sessions: 14,
    chatAwards: 3,
  },
  {
    username: 'sam',
    displayName: 'Sam Taylor',
    bio: 'Classic cinema or nothing.',
    role: 'viewer',
    joinedDaysAgo: 35,
    sessions: 9,
  },
  {
    username: 'lena',
    displayName: 'Lena Novak',
    bio: 'Filmmaker. Applied to make Shorts.',
    role: 'viewer',
    joinedDaysAgo: 20,
    sessions: 6,
  },
  {
    username: 'omar',
    displayName: 'Omar Haddad',
    bio: 'Cinephiles guild leader. Black and white forever.',
    role: 'viewer',
    joinedDaysAgo: 70,
    sessions: 12,
    chatAwards: 2,
  },
  {
    username: 'zoe',
    displayName: 'Zoe Martin',
    bio: 'Studying in Lisbon, watching everywhere.',
    role: 'viewer',
    joinedDaysAgo: 45,
    sessions: 20,
    premiumDays: 80,
    chatAwards: 5,
  },
  {
    username: 'brewline',
    displayName: 'Brewline Coffee',
    bio: 'Coffee for long watch nights. Advertiser.',
    role: 'viewer',
    joinedDaysAgo: 30,
    sessions: 0,
    isVerified: true,
  },
];

/** [from, to] pairs. */
export const FRIENDSHIPS = {
  accepted: [
    ['demo', 'alex'],
    ['priya', 'demo'],
    ['demo', 'maya'],
    ['jordan', 'demo'],
    ['alex', 'priya'],
    ['alex', 'zoe'],
    ['zoe', 'priya'],
    ['jordan', 'sam'],
    ['omar', 'kai'],
    ['maya', 'kai'],
    ['zoe', 'omar'],
    ['alex', 'jordan'],
  ],
  pending: [
    ['sam', 'demo'],
    ['demo', 'lena'],
    ['lena', 'alex'],
  ],
  rejected: [['omar', 'priya']],
} as const;

export interface GuildChallengeSpec {
  key: string;
  title: string;
  description: string;
  /** A leader or officer of the guild. */
  createdBy: string;
  /** Days from now (negative: in the past). */
  startsInDays: number;
  endsInDays: number;
  goalHours: number;
}

export interface GuildSpec {
  key: string;
  name: string;
  description: string;
  isPublic: boolean;
  /** The current roster, in the order they joined (two days apart, from the guild's creation). */
  members: readonly (readonly [string, 'leader' | 'officer' | 'member'])[];
  /** Earlier memberships that ended: [username, joined days ago, left days ago]. */
  pastMembers?: readonly (readonly [string, number, number])[];
  /** Guild chat: [author, text, hours ago], oldest first; every author is a member now. */
  chat: readonly (readonly [string, string, number])[];
  challenges: readonly GuildChallengeSpec[];
  /** Pending invites: [username, invited by, hours ago]. */
  invites?: readonly (readonly [string, string, number])[];
  /** Pending join requests: [username, note, hours ago]. */
  joinRequests?: readonly (readonly [string, string, number])[];
}

export const GUILDS: readonly GuildSpec[] = [
  {
    key: 'night-owls',
    name: 'Night Owls',
    description: 'Late-night anime and horror marathons. Weekly top-3 regulars.',
    isPublic: true,
    members: [
      ['alex', 'leader'],
      ['demo', 'officer'],
      ['priya', 'member'],
      ['zoe', 'member'],
      ['jordan', 'member'],
    ],
    pastMembers: [['maya', 33, 15]],
    chat: [
      ['demo', 'Horror fortnight is done and we cleared it. Same crew for the next one?', 140],
      [
        'alex',
        'New challenge is up: 40 hours as a guild this week. Anime, horror, anything counts as long as we watch',
        118,
      ],
      ['priya', "40 hours? I'll bring the lo-fi playlist for the breaks", 117],
      ['zoe', "Count me in. Lisbon is an hour behind you, so I'm the one still awake at 2am anyway", 115],
      ['jordan', "I'll be late to every single session but I'll be there", 96],
      ['priya', 'Who screamed at the jump scare last night? My neighbour knocked on the wall 😂', 70],
      ['jordan', 'Finally caught up on that horror film. Whoever picked it owes me a night light', 50],
      ['demo', 'Put the finale watch-along in your calendars too. Subtitles on, no exceptions', 46],
      ['alex', 'Episode 3 in the club room tonight, doors open after dinner', 28],
      ['zoe', 'That ending!! I did not see the lighthouse twist coming', 22],
      ['demo', "We're past halfway on the marathon. Keep the streak going tonight", 20],
      ['priya', 'Study-and-anime double bill later? First hour quiet, then the new episode', 8],
      ['zoe', 'Yes! Save me a seat', 7],
      ['alex', 'The sync held even when Jordan joined halfway through. Tech is amazing', 3],
      ['jordan', 'Made it on time for once. Somebody screenshot this', 2],
    ],
    challenges: [
      {
        key: 'horror-fortnight',
        title: 'Horror fortnight: 60 hours',
        description: 'Two weeks of scary films after midnight. Lights off, volume up.',
        createdBy: 'demo',
        startsInDays: -20,
        endsInDays: -6,
        goalHours: 60,
      },
      {
        key: 'marathon-week',
        title: 'Marathon week: 40 hours',
        description: 'Seven nights, forty hours between us. Every room with a Night Owl in it counts.',
        createdBy: 'alex',
        startsInDays: -5,
        endsInDays: 2,
        goalHours: 40,
      },
      {
        key: 'finale-watch-along',
        title: 'Season finale watch-along: 6 hours',
        description: 'The last three episodes back to back, then the finale together. Subtitles on.',
        createdBy: 'demo',
        startsInDays: 4,
        endsInDays: 5,
        goalHours: 6,
      },
    ],
  },
  {
    key: 'cinephiles',
    name: 'Cinephiles',
    description: 'Classic cinema club. Invite only: tell us your favourite Kurosawa.',
    isPublic: false,
    members: [
      ['omar', 'leader'],
      ['kai', 'officer'],
      ['sam', 'member'],
      ['lena', 'member'],
    ],
    pastMembers: [['jordan', 37, 31]],
    chat: [
      ['sam', 'The dragon at the end of short film night still lives in my head', 90],
      [
        'omar',
        'Kurosawa fortnight starts today: 25 hours as a guild. Seven Samurai alone is three and a half of them',
        70,
      ],
      ['sam', 'Finally a challenge I was born for', 69],
      ['kai', 'I am in for Rashomon. Four versions of one story is basically my whole genre', 66],
      ['lena', 'Can we pause on the rain scenes? I want to study how they lit them', 45],
      ['omar', 'Of course. We take it slow, the films are not going anywhere', 44],
      ['sam', 'Unpopular opinion: Ikiru over Seven Samurai. Fight me', 30],
      ['kai', 'Not fighting you, Ikiru wrecked me', 29],
      ['lena', 'Storyboarded the opening of Ikiru for practice. Every frame is a lesson', 20],
      ['omar', 'Someone asked to join and quoted Ikiru in the request. Kai, you know her?', 6],
      ['kai', 'Maya! She makes the diner Shorts. She would fit right in', 5],
      ['omar', 'Also invited our admin. We need a referee for the Ikiru debate', 4],
    ],
    challenges: [
      {
        key: 'kurosawa-fortnight',
        title: 'Kurosawa fortnight: 25 hours',
        description:
          'Seven Samurai, Rashomon, Ikiru and whatever else we can fit in. Pause for discussion allowed.',
        createdBy: 'omar',
        startsInDays: -3,
        endsInDays: 11,
        goalHours: 25,
      },
    ],
    invites: [['admin', 'omar', 4]],
    joinRequests: [
      [
        'maya',
        'Kai says you argue about Rashomon every week. My favourite Kurosawa is Ikiru, and I bring snacks.',
        7,
      ],
    ],
  },
];

export interface RoomSpec {
  key: string;
  name: string;
  leader: string;
  platform: 'youtube' | 'drive' | 'spotify' | 'web' | 'upload';
  contentUrl: string;
  visibility: 'public' | 'friends' | 'private';
  maxMembers: number;
  micEnabled: boolean;
  isActive: boolean;
  guild?: string;
  /** [username, role, left] */
  members: readonly (readonly [string, 'leader' | 'moderator' | 'member', boolean?])[];
  /** [username | null for a system line, text, index of the message it replies to] */
  messages: readonly (readonly [string | null, string, number?])[];
  /** Days since the room was created (watch sessions before then use no room). */
  createdDaysAgo: number;
  /** Hours since the current party started (members joined, chat lines written). */
  openedHoursAgo: number;
  /** An invite link: [code, max uses or null, days until it expires, uses so far]. */
  invite?: readonly [string, number | null, number, number];
}

export const ROOMS: readonly RoomSpec[] = [
  {
    key: 'friday-movie-night',
    name: 'Friday Movie Night',
    leader: 'demo',
    platform: 'youtube',
    contentUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
    visibility: 'public',
    maxMembers: 10,
    micEnabled: true,
    isActive: true,
    members: [
      ['demo', 'leader'],
      ['alex', 'moderator'],
      ['priya', 'member'],
      ['jordan', 'member'],
    ],
    messages: [
      ['demo', 'Okay everyone, starting in 2 minutes. Grab snacks 🍿'],
      ['alex', 'Ready! Popcorn is in the microwave'],
      ['priya', 'Is this the 4K version? My laptop fan is already crying'],
      [null, 'Jordan Lee joined the room'],
      ['jordan', 'Made it just in time!'],
      ['demo', 'Welcome Jordan! Hitting play now'],
      ['alex', 'The sync is so tight, I hear the birds at the same moment as you'],
      ['priya', 'That bunny is me on Monday mornings'],
      ['jordan', 'Look at the squirrel 😂'],
      ['alex', 'Plot twist incoming...'],
      ['priya', 'No spoilers!!', 9],
      ['demo', "Same time next Friday? I'll pick something with subtitles"],
    ],
    openedHoursAgo: 2,
    createdDaysAgo: 42,
    invite: ['fr1day42', null, 3, 2],
  },
  {
    key: 'lofi-study',
    name: 'Lo-fi Study Session',
    leader: 'priya',
    platform: 'spotify',
    contentUrl: 'https://open.spotify.com/playlist/37i9dQZF1DWWQRwui0ExPn',
    visibility: 'public',
    maxMembers: 20,
    micEnabled: false,
    isActive: true,
    members: [
      ['priya', 'leader'],
      ['zoe', 'member'],
      ['lena', 'member'],
    ],
    messages: [
      ['priya', 'Pomodoro starts now: 25 minutes of focus'],
      ['zoe', 'Sharing the study vibes from Lisbon ☕'],
      ['lena', 'Editing a storyboard with this on, perfect'],
      ['priya', 'Break! Stretch those legs'],
    ],
    openedHoursAgo: 5,
    createdDaysAgo: 30,
  },
  {
    key: 'night-owls-anime',
    name: 'Night Owls Anime Club',
    leader: 'alex',
    platform: 'drive',
    contentUrl: 'https://drive.google.com/file/d/1wT-demo-anime-episode-3/view',
    visibility: 'friends',
    maxMembers: 10,
    micEnabled: true,
    isActive: true,
    guild: 'night-owls',
    members: [
      ['alex', 'leader'],
      ['demo', 'member'],
      ['zoe', 'member'],
    ],
    messages: [
      ['alex', 'Episode 3 tonight, no skipping the opening'],
      ['zoe', 'Never skip the opening'],
      ['demo', "I'm in after dinner"],
    ],
    openedHoursAgo: 26,
    createdDaysAgo: 20,
  },
  {
    key: 'design-crit',
    name: 'Design Crit: Shorts Cuts',
    leader: 'maya',
    platform: 'web',
    contentUrl: 'https://example.com/shorts/rough-cut-episode-7',
    visibility: 'private',
    maxMembers: 5,
    micEnabled: true,
    isActive: true,
    members: [
      ['maya', 'leader'],
      ['kai', 'moderator'],
    ],
    messages: [
      ['maya', 'Rough cut of episode 7: tell me where it drags'],
      ['kai', 'The diner scene at 0:42 could lose 3 seconds'],
    ],
    openedHoursAgo: 30,
    createdDaysAgo: 10,
    invite: ['crit7q2m', 5, 7, 1],
  },
  {
    key: 'classic-cinema',
    name: 'Classic Cinema Club',
    leader: 'omar',
    platform: 'youtube',
    contentUrl: 'https://www.youtube.com/watch?v=eRsGyueVLvQ',
    visibility: 'public',
    maxMembers: 50,
    micEnabled: false,
    isActive: false,
    guild: 'cinephiles',
    members: [
      ['omar', 'leader'],
      ['sam', 'member', true],
      ['kai', 'member', true],
    ],
    messages: [
      ['omar', 'Thanks for coming to short film night!'],
      ['sam', 'The dragon at the end got me'],
    ],
    openedHoursAgo: 96,
    createdDaysAgo: 35,
  },
];

export interface BadgeSpec {
  key: string;
  name: string;
  description: string;
  rarity: 'common' | 'rare' | 'epic' | 'legendary';
  event?: string;
}

export const BADGES: readonly BadgeSpec[] = [
  {
    key: 'early-adopter',
    name: 'Early Adopter',
    description: 'Joined WatchTogether in its first season.',
    rarity: 'epic',
  },
  { key: 'social-butterfly', name: 'Social Butterfly', description: 'Made five friends.', rarity: 'common' },
  {
    key: 'snowflake',
    name: 'Snowflake',
    description: 'Winter Watch Fest: warmed up with 2 hours.',
    rarity: 'common',
    event: 'winter-watch-fest',
  },
  {
    key: 'cocoa-crew',
    name: 'Cocoa Crew',
    description: 'Winter Watch Fest: watched with two friends.',
    rarity: 'rare',
    event: 'winter-watch-fest',
  },
  {
    key: 'frostbite-legend',
    name: 'Frostbite Legend',
    description: 'Winter Watch Fest: a 10-hour marathon.',
    rarity: 'legendary',
    event: 'winter-watch-fest',
  },
];

export const EVENT = {
  key: 'winter-watch-fest',
  title: 'Winter Watch Fest',
  description: 'Two weeks of cosy watch parties. Complete the tasks to collect all three winter badges.',
  startedDaysAgo: 3,
  endsInDays: 11,
  tasks: [
    {
      key: 'warm-up',
      title: 'Warm-up',
      description: 'Watch 2 hours in any room.',
      xpReward: 100,
      badge: 'snowflake',
      criteria: { kind: 'watch_hours', target: 2 },
    },
    {
      key: 'party-of-three',
      title: 'Party of three',
      description: 'Watch an hour with at least two friends.',
      xpReward: 200,
      badge: 'cocoa-crew',
      criteria: { kind: 'party_hours', target: 1, minFriends: 2 },
    },
    {
      key: 'marathon',
      title: 'Marathon',
      description: 'Watch 10 hours during the event.',
      xpReward: 500,
      badge: 'frostbite-legend',
      criteria: { kind: 'watch_hours', target: 10 },
    },
  ],
  /** [username, task, progress (seconds), completed] */
  progress: [
    ['demo', 'warm-up', 7200, true],
    ['demo', 'party-of-three', 1800, false],
    ['demo', 'marathon', 9000, false],
    ['alex', 'warm-up', 7200, true],
    ['alex', 'party-of-three', 3600, true],
    ['priya', 'warm-up', 7200, true],
    ['priya', 'party-of-three', 3600, true],
    ['priya', 'marathon', 36000, true],
    ['zoe', 'warm-up', 7200, true],
  ],
} as const;

/** Badges held outside the event: [username, badge, displayed]. */
export const EXTRA_BADGES = [
  ['demo', 'early-adopter', true],
  ['alex', 'early-adopter', true],
  ['priya', 'early-adopter', false],
  ['omar', 'early-adopter', true],
  ['alex', 'social-butterfly', false],
] as const;

export const ADS = [
  {
    key: 'brewline-wake-up',
    title: 'Brewline Coffee: Wake Up & Watch',
    videoUrl: 'https://cdn.watchtogether.local/ads/brewline-wake-up-30s.mp4',
    xpReward: 30,
    rewardTitle: 'Coffee Connoisseur',
    status: 'active',
    impressionGoal: 500,
    paidAmountCents: 5000,
    /** [username, watchedPct] — 80%+ earns the reward. */
    impressions: [
      ['alex', 92],
      ['priya', 85],
      ['jordan', 40],
      ['zoe', 100],
    ],
  },
  {
    key: 'brewline-holiday',
    title: 'Brewline Holiday Blend',
    videoUrl: 'https://cdn.watchtogether.local/ads/brewline-holiday-15s.mp4',
    xpReward: 30,
    rewardTitle: null,
    status: 'pending',
    impressionGoal: 2500,
    paidAmountCents: 20000,
    impressions: [],
  },
] as const;

export interface SeriesSpec {
  key: string;
  creator: string;
  title: string;
  description: string;
  genre: string;
  publishedDaysAgo: number;
  seasons: readonly {
    title: string;
    priceCents: number;
    /** Episode titles; the last ones may still be in the pipeline. */
    episodes: readonly string[];
    unpublished?: number;
  }[];
}

export const CREATORS = [
  {
    username: 'maya',
    slug: 'maya-chen',
    displayName: 'Maya Chen',
    status: 'approved',
    bio: 'One-minute dramas about late-night diners and the people in them.',
  },
  {
    username: 'kai',
    slug: 'kai-okafor',
    displayName: 'Kai Okafor',
    status: 'approved',
    bio: 'Vertical thrillers. Couriers, rain, secrets.',
  },
  {
    username: 'lena',
    slug: 'lena-novak',
    displayName: 'Lena Novak',
    status: 'applied',
    bio: 'Short-form filmmaker from Ljubljana.',
  },
] as const;

/** The demo episodes' video: generated test clips (ffmpeg lavfi sources) the API ships and copies in. */
export const DEMO_CLIP = { durationMs: 6000, width: 360, height: 640 } as const;

export const SERIES: readonly SeriesSpec[] = [
  {
    key: 'midnight-diner-confessions',
    creator: 'maya',
    title: 'Midnight Diner Confessions',
    description: 'Every night at 2 a.m., a stranger orders the same pie and tells the cook one secret.',
    genre: 'drama',
    publishedDaysAgo: 24,
    seasons: [
      {
        title: 'The Regulars',
        priceCents: 299,
        episodes: [
          'Cherry Pie at 2 A.M.',
          'The Trucker Who Never Eats',
          'Two Forks',
          'Closing Time',
          'The Health Inspector',
          'Last Slice',
        ],
      },
      {
        title: 'New Owners',
        priceCents: 399,
        episodes: ['For Sale', 'Grand Reopening', 'The Old Recipe Book', 'Burnt', 'Sunrise Shift'],
        unpublished: 2,
      },
    ],
  },
  {
    key: 'the-last-courier',
    creator: 'kai',
    title: 'The Last Courier',
    description: 'A bike messenger carries one envelope across a city that wants it back.',
    genre: 'thriller',
    publishedDaysAgo: 12,
    seasons: [
      {
        title: 'Delivery',
        priceCents: 499,
        episodes: [
          'Pickup',
          'Red Light',
          'Wrong Address',
          'Tailed',
          'The Bridge',
          'Signature Required',
          'Return to Sender',
          'Delivered',
        ],
      },
    ],
  },
];

/** Episodes free to everyone, counted from the start of each series. */
export const FREE_EPISODES = 3;

export const REACTION_EMOJIS = ['🔥', '😂', '😮', '❤️', '😢', '👏'] as const;

export interface CommentSpec {
  user: string;
  series: string;
  /** Episode number in season 1. */
  episode: number;
  timestampMs: number;
  body: string;
  /** Index of the comment this one answers. */
  replyTo?: number;
}

export const COMMENTS: readonly CommentSpec[] = [
  {
    user: 'alex',
    series: 'midnight-diner-confessions',
    episode: 1,
    timestampMs: 4200,
    body: 'The cook already knows. Look at his face.',
  },
  {
    user: 'priya',
    series: 'midnight-diner-confessions',
    episode: 1,
    timestampMs: 12800,
    body: 'That pie looks incredible',
  },
  {
    user: 'demo',
    series: 'midnight-diner-confessions',
    episode: 1,
    timestampMs: 31500,
    body: 'Wait, is that the same trucker from the poster?',
  },
  {
    user: 'maya',
    series: 'midnight-diner-confessions',
    episode: 1,
    timestampMs: 33000,
    body: 'Keep watching 👀',
    replyTo: 2,
  },
  {
    user: 'jordan',
    series: 'midnight-diner-confessions',
    episode: 1,
    timestampMs: 52000,
    body: 'SPOILER: the stranger is his brother',
  },
  {
    user: 'zoe',
    series: 'the-last-courier',
    episode: 1,
    timestampMs: 8000,
    body: 'The rain sound design is so good',
  },
  {
    user: 'omar',
    series: 'the-last-courier',
    episode: 1,
    timestampMs: 41000,
    body: 'That envelope is definitely not just paper',
  },
];
