ALTER TABLE "rooms" ALTER COLUMN "is_playing" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "playback" jsonb;--> statement-breakpoint
-- Rooms made before the playback machine start paused: watch time runs only while a room plays.
UPDATE "rooms" SET "is_playing" = false WHERE "playback" IS NULL;
