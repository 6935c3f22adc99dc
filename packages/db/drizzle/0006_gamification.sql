CREATE TABLE "guild_watch_contributions" (
	"guild_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"board" text NOT NULL,
	"seconds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guild_watch_contributions_guild_id_user_id_joined_at_board_pk" PRIMARY KEY("guild_id","user_id","joined_at","board")
);
--> statement-breakpoint
CREATE TABLE "job_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaderboard_buckets" (
	"board" text NOT NULL,
	"bucket" integer NOT NULL,
	"entries" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leaderboard_buckets_board_bucket_pk" PRIMARY KEY("board","bucket"),
	CONSTRAINT "leaderboard_buckets_entries_nonnegative" CHECK ("leaderboard_buckets"."entries" >= 0)
);
--> statement-breakpoint
CREATE TABLE "leaderboard_entries" (
	"board" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"seconds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leaderboard_entries_board_entity_id_pk" PRIMARY KEY("board","entity_id"),
	CONSTRAINT "leaderboard_entries_seconds_positive" CHECK ("leaderboard_entries"."seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "leaderboard_resets" (
	"period" "leaderboard_period" NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leaderboard_resets_period_period_start_pk" PRIMARY KEY("period","period_start")
);
--> statement-breakpoint
ALTER TABLE "guild_watch_contributions" ADD CONSTRAINT "guild_watch_contributions_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_watch_contributions" ADD CONSTRAINT "guild_watch_contributions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guild_watch_contributions_board_idx" ON "guild_watch_contributions" USING btree ("board","guild_id");--> statement-breakpoint
CREATE INDEX "guild_watch_contributions_user_id_idx" ON "guild_watch_contributions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "leaderboard_entries_rank_idx" ON "leaderboard_entries" USING btree ("board","seconds" DESC NULLS FIRST,"entity_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "leaderboard_entries_entity_id_idx" ON "leaderboard_entries" USING btree ("entity_id");--> statement-breakpoint
-- The bucket of a board entry: 10 s of watch time (leaderboard_buckets, the store's rank query), and
-- the first second of the next bucket. The width is written here only.
CREATE FUNCTION leaderboard_bucket(seconds integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN seconds / 10;
--> statement-breakpoint
CREATE FUNCTION leaderboard_bucket_end(seconds integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN (seconds / 10 + 1) * 10;
--> statement-breakpoint
-- leaderboard_buckets follows leaderboard_entries: one count per board and bucket.
CREATE FUNCTION leaderboard_buckets_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_OP = 'UPDATE' AND OLD.board = NEW.board AND leaderboard_bucket(OLD.seconds) = leaderboard_bucket(NEW.seconds) THEN
      RETURN NEW;
    END IF;
    UPDATE leaderboard_buckets SET entries = entries - 1
    WHERE board = OLD.board AND bucket = leaderboard_bucket(OLD.seconds);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO leaderboard_buckets (board, bucket, entries) VALUES (NEW.board, leaderboard_bucket(NEW.seconds), 1)
    ON CONFLICT (board, bucket) DO UPDATE SET entries = leaderboard_buckets.entries + 1;
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER leaderboard_entries_buckets
AFTER INSERT OR UPDATE OR DELETE ON leaderboard_entries
FOR EACH ROW EXECUTE FUNCTION leaderboard_buckets_track();
