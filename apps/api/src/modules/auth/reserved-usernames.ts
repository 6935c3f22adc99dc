/**
 * Usernames nobody may register: they would impersonate staff or the product, collide with routes of
 * the web app (/<username> profile pages), or read as a missing value. Compared lower-cased.
 */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  // Staff, trust and the product itself
  'admin', 'admins', 'administrator', 'root', 'superuser', 'sysadmin', 'system', 'sys', 'staff', 'team',
  'moderator', 'moderators', 'mod', 'mods', 'support', 'help', 'helpdesk', 'contact', 'info', 'security',
  'abuse', 'trust', 'safety', 'trustandsafety', 'official', 'verified', 'owner', 'operator', 'bot', 'bots',
  'watchtogether', 'watch_together', 'watchtogetherhq', 'wt', 'wtadmin', 'wt_admin', 'wtsupport', 'wt_support',
  'noreply', 'no_reply', 'postmaster', 'hostmaster', 'webmaster', 'mailer', 'daemon', 'everyone', 'here',
  'anonymous', 'guest', 'deleted', 'deleted_user', 'deleteduser', 'unknown', 'nobody', 'someone',
  // Values a program might print for "nothing"
  'null', 'undefined', 'none', 'nil', 'void', 'nan', 'true', 'false', 'test', 'tester',
  // Routes and technical names of the web app and API
  'api', 'www', 'web', 'app', 'apps', 'mobile', 'cdn', 'static', 'assets', 'media', 'img', 'images', 'files',
  'uploads', 'download', 'downloads', 'docs', 'blog', 'status', 'health', 'metrics', 'graphql', 'trpc',
  'socket', 'socketio', 'ws', 'wss', 'auth', 'oauth', 'login', 'logout', 'signin', 'sign_in', 'signout',
  'sign_out', 'signup', 'sign_up', 'register', 'verify', 'verify_email', 'reset', 'reset_password',
  'forgot', 'forgot_password', 'account', 'accounts', 'settings', 'profile', 'profiles', 'user', 'users',
  'me', 'my', 'dashboard', 'home', 'explore', 'discover', 'search', 'feed', 'trending', 'shorts', 'short',
  'series', 'watch', 'rooms', 'room', 'party', 'parties', 'guild', 'guilds', 'friends', 'friend', 'chat',
  'messages', 'notifications', 'events', 'event', 'leaderboard', 'leaderboards', 'badges', 'creator',
  'creators', 'studio', 'ads', 'advertise', 'advertising', 'billing', 'payments', 'payouts', 'checkout',
  'premium', 'subscribe', 'pricing', 'store', 'shop', 'legal', 'terms', 'privacy', 'cookies', 'about',
  'careers', 'jobs', 'press', 'dev', 'developer', 'developers', 'outbox', 'invite', 'invites', 'join',
]);

/** Prefixes the platform itself uses (purged accounts are renamed `deleted_<id>`). */
const RESERVED_PREFIXES = ['deleted_', 'wt_staff', 'watchtogether_'];

export function isReservedUsername(username: string): boolean {
  const name = username.trim().toLowerCase();
  return RESERVED_USERNAMES.has(name) || RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix));
}
