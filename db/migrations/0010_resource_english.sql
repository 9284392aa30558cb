ALTER TABLE "resources" ADD COLUMN "location_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "facilities_en" text[] DEFAULT '{}'::text[] NOT NULL;