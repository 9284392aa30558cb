ALTER TABLE "policy_settings" ADD COLUMN "series_horizon_days" integer DEFAULT 400 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "daily_digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_settings" ADD CONSTRAINT "policy_settings_series_horizon" CHECK ("policy_settings"."series_horizon_days" > 0);