-- Custom migration (drizzle-kit generate --custom): analytics_events is PARTITION BY RANGE (occurred_at),
-- one partition per calendar month (UTC) plus a DEFAULT partition, which Drizzle cannot declare.
-- The table mirrors src/schema/analytics.ts; meta/0001_snapshot.json records it, so drizzle-kit
-- does not create it again. Change both together.
CREATE TABLE "analytics_events" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_type" text NOT NULL,
	"user_id" uuid,
	"anonymous_id" text,
	"session_id" text,
	"series_id" uuid,
	"episode_id" uuid,
	"creator_id" uuid,
	"utm_source" text,
	"utm_medium" text,
	"utm_campaign" text,
	"utm_content" text,
	"utm_term" text,
	"referrer" text,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_events_pkey" PRIMARY KEY("id","occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE INDEX "analytics_events_creator_id_occurred_at_idx" ON "analytics_events" USING btree ("creator_id","occurred_at");--> statement-breakpoint
CREATE INDEX "analytics_events_series_id_occurred_at_idx" ON "analytics_events" USING btree ("series_id","occurred_at");--> statement-breakpoint
CREATE INDEX "analytics_events_event_type_occurred_at_idx" ON "analytics_events" USING btree ("event_type","occurred_at");--> statement-breakpoint
CREATE INDEX "analytics_events_user_id_idx" ON "analytics_events" USING btree ("user_id");--> statement-breakpoint
-- Catches rows for months without a partition yet, so an insert never fails for lack of one.
CREATE TABLE "analytics_events_default" PARTITION OF "analytics_events" DEFAULT;
--> statement-breakpoint
-- ensure_analytics_partition(day): creates the partition for the UTC calendar month containing `day`
-- (named analytics_events_yYYYYmMM) unless it exists, and returns its name. Rows of that month already
-- in the DEFAULT partition are moved into it first (ATTACH would refuse otherwise). Idempotent and safe
-- to call concurrently; the monthly job calls it for the coming months.
CREATE OR REPLACE FUNCTION "ensure_analytics_partition"(p_day date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v_month date := date_trunc('month', p_day)::date;
	v_from timestamptz := v_month::timestamp AT TIME ZONE 'UTC';
	v_to timestamptz := (v_month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
	v_name text := 'analytics_events_y' || to_char(v_month, 'YYYY') || 'm' || to_char(v_month, 'MM');
BEGIN
	IF to_regclass(format('public.%I', v_name)) IS NOT NULL THEN
		RETURN v_name;
	END IF;
	PERFORM pg_advisory_xact_lock(hashtext('ensure_analytics_partition'));
	IF to_regclass(format('public.%I', v_name)) IS NOT NULL THEN
		RETURN v_name;
	END IF;
	EXECUTE format(
		'CREATE TABLE public.%I (LIKE public.analytics_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
		v_name
	);
	EXECUTE format(
		'WITH moved AS (DELETE FROM public.analytics_events_default WHERE occurred_at >= %L AND occurred_at < %L RETURNING *) '
			|| 'INSERT INTO public.%I SELECT * FROM moved',
		v_from, v_to, v_name
	);
	EXECUTE format(
		'ALTER TABLE public.analytics_events ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)',
		v_name, v_from, v_to
	);
	RETURN v_name;
END;
$$;
--> statement-breakpoint
-- The month before (late events, back-filled imports), this month and the next two.
DO $$
DECLARE
	v_today date := (now() AT TIME ZONE 'UTC')::date;
	v_offset int;
BEGIN
	FOR v_offset IN -1..2 LOOP
		PERFORM ensure_analytics_partition((v_today + make_interval(months => v_offset))::date);
	END LOOP;
END;
$$;
