ALTER TYPE "public"."access_grant" ADD VALUE 'creator';--> statement-breakpoint
CREATE TABLE "episode_progress" (
	"user_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"position_ms" integer NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "episode_progress_user_id_episode_id_pk" PRIMARY KEY("user_id","episode_id"),
	CONSTRAINT "episode_progress_position_nonnegative" CHECK ("episode_progress"."position_ms" >= 0)
);
--> statement-breakpoint
ALTER TABLE "creator_profiles" ADD COLUMN "links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "creator_profiles" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "free_override" boolean;--> statement-breakpoint
ALTER TABLE "series" ADD COLUMN "free_episodes" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "poster_key" text;--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "progressive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "container" text;--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "size_bytes" bigint;--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "episode_progress" ADD CONSTRAINT "episode_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_progress" ADD CONSTRAINT "episode_progress_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "episode_progress_episode_id_idx" ON "episode_progress" USING btree ("episode_id");--> statement-breakpoint
ALTER TABLE "episodes" DROP COLUMN "is_free";--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_free_episodes_range" CHECK ("series"."free_episodes" BETWEEN 0 AND 100);