CREATE TABLE "room_message_reactions" (
	"message_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"emoji" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_message_reactions_message_id_user_id_emoji_pk" PRIMARY KEY("message_id","user_id","emoji"),
	CONSTRAINT "room_message_reactions_emoji_length" CHECK (char_length("room_message_reactions"."emoji") BETWEEN 1 AND 16)
);
--> statement-breakpoint
DROP INDEX "room_messages_room_id_created_at_idx";--> statement-breakpoint
DROP INDEX "room_messages_user_id_idx";--> statement-breakpoint
ALTER TABLE "room_messages" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "room_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "is_playing" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "empty_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "room_message_reactions" ADD CONSTRAINT "room_message_reactions_message_id_room_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."room_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_message_reactions" ADD CONSTRAINT "room_message_reactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_message_reactions_user_id_idx" ON "room_message_reactions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "room_messages_room_id_seq_idx" ON "room_messages" USING btree ("room_id","seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "room_messages_user_id_created_at_idx" ON "room_messages" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "watch_sessions_open_room_key" ON "watch_sessions" USING btree ("user_id","room_id") WHERE "watch_sessions"."ended_at" IS NULL;