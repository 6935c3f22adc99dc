import { z } from 'zod';

/** A room id in a link or payload (its own file: rooms.ts and playback.ts both use it). */
export const roomIdSchema = z.string().uuid({ message: 'That room link is not valid.' });
