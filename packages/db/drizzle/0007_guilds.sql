CREATE TYPE "public"."guild_left_reason" AS ENUM('left', 'kicked', 'disbanded');--> statement-breakpoint
CREATE TABLE "guild_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"goal_hours" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guild_events_window" CHECK ("guild_events"."ends_at" > "guild_events"."starts_at"),
	CONSTRAINT "guild_events_goal_positive" CHECK ("guild_events"."goal_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "guild_invites" (
	"guild_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guild_invites_guild_id_user_id_pk" PRIMARY KEY("guild_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "guild_join_requests" (
	"guild_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guild_join_requests_guild_id_user_id_pk" PRIMARY KEY("guild_id","user_id"),
	CONSTRAINT "guild_join_requests_message_length" CHECK (char_length("guild_join_requests"."message") <= 200)
);
--> statement-breakpoint
CREATE TABLE "guild_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"left_reason" "guild_left_reason",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guild_memberships_left_reason" CHECK (("guild_memberships"."left_at" IS NULL) = ("guild_memberships"."left_reason" IS NULL)),
	CONSTRAINT "guild_memberships_span" CHECK ("guild_memberships"."left_at" IS NULL OR "guild_memberships"."left_at" >= "guild_memberships"."joined_at")
);
--> statement-breakpoint
CREATE TABLE "guild_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "guild_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"guild_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guild_messages_content_length" CHECK (char_length("guild_messages"."content") BETWEEN 1 AND 500)
);
--> statement-breakpoint
ALTER TABLE "guilds" DROP CONSTRAINT "guilds_name_unique";--> statement-breakpoint
ALTER TABLE "guilds" ADD COLUMN "disbanded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guild_events" ADD CONSTRAINT "guild_events_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_events" ADD CONSTRAINT "guild_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_invites" ADD CONSTRAINT "guild_invites_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_invites" ADD CONSTRAINT "guild_invites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_invites" ADD CONSTRAINT "guild_invites_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_join_requests" ADD CONSTRAINT "guild_join_requests_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_join_requests" ADD CONSTRAINT "guild_join_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_memberships" ADD CONSTRAINT "guild_memberships_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_memberships" ADD CONSTRAINT "guild_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_messages" ADD CONSTRAINT "guild_messages_guild_id_guilds_id_fk" FOREIGN KEY ("guild_id") REFERENCES "public"."guilds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guild_messages" ADD CONSTRAINT "guild_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guild_events_guild_id_ends_at_idx" ON "guild_events" USING btree ("guild_id","ends_at");--> statement-breakpoint
CREATE INDEX "guild_events_created_by_idx" ON "guild_events" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "guild_invites_user_id_idx" ON "guild_invites" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "guild_invites_invited_by_idx" ON "guild_invites" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "guild_join_requests_user_id_idx" ON "guild_join_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "guild_memberships_guild_id_idx" ON "guild_memberships" USING btree ("guild_id");--> statement-breakpoint
CREATE INDEX "guild_memberships_user_id_idx" ON "guild_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guild_memberships_open_key" ON "guild_memberships" USING btree ("user_id") WHERE "guild_memberships"."left_at" IS NULL;--> statement-breakpoint
CREATE INDEX "guild_messages_guild_id_seq_idx" ON "guild_messages" USING btree ("guild_id","seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "guild_messages_user_id_created_at_idx" ON "guild_messages" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "guilds_name_lower_key" ON "guilds" USING btree (lower("name")) WHERE "guilds"."disbanded_at" IS NULL;--> statement-breakpoint
-- Every current member gets the open membership the accrual reads (issue 8).
INSERT INTO "guild_memberships" ("guild_id", "user_id", "joined_at") SELECT "guild_id", "user_id", "joined_at" FROM "guild_members";
