CREATE TYPE "public"."blackout_kind" AS ENUM('maintenance', 'blackout');--> statement-breakpoint
CREATE TYPE "public"."booking_channel" AS ENUM('portal', 'public', 'phone', 'email', 'paper');--> statement-breakpoint
CREATE TYPE "public"."booking_priority" AS ENUM('normal', 'priority');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('pending', 'needs_info', 'awaiting_confirmation', 'confirmed', 'in_use', 'completed', 'rejected', 'cancelled', 'expired', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."change_request_status" AS ENUM('pending', 'approved', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."contact_method" AS ENUM('phone', 'email');--> statement-breakpoint
CREATE TYPE "public"."coordination_answer" AS ENUM('agree', 'concerns');--> statement-breakpoint
CREATE TYPE "public"."event_actor_kind" AS ENUM('user', 'customer', 'system', 'email_reply');--> statement-breakpoint
CREATE TYPE "public"."feedback_kind" AS ENUM('survey', 'suggestion');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('none', 'open', 'done');--> statement-breakpoint
CREATE TYPE "public"."holiday_kind" AS ENUM('holiday', 'makeup_workday');--> statement-breakpoint
CREATE TYPE "public"."incident_severity" AS ENUM('minor', 'serious');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('zh', 'en');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'dead');--> statement-breakpoint
CREATE TYPE "public"."requester_kind" AS ENUM('staff', 'customer');--> statement-breakpoint
CREATE TYPE "public"."resource_state" AS ENUM('in_service', 'maintenance', 'retired');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('respond', 'manage', 'feedback');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('staff', 'customer_service', 'admin');--> statement-breakpoint
CREATE SEQUENCE "public"."booking_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 1;--> statement-breakpoint
CREATE TABLE "action_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"booking_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "blackouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"kind" "blackout_kind" DEFAULT 'blackout' NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blackouts_order" CHECK ("blackouts"."start_at" < "blackouts"."end_at")
);
--> statement-breakpoint
CREATE TABLE "booking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"from_status" "booking_status",
	"to_status" "booking_status",
	"action" text NOT NULL,
	"actor_kind" "event_actor_kind" NOT NULL,
	"actor_user_id" uuid,
	"note" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"requester_kind" "requester_kind" NOT NULL,
	"requester_user_id" uuid,
	"entered_by_id" uuid,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text,
	"company" text,
	"department_id" uuid,
	"locale" "locale" DEFAULT 'zh' NOT NULL,
	"channel" "booking_channel" NOT NULL,
	"priority" "booking_priority" DEFAULT 'normal' NOT NULL,
	"displaces_booking_id" uuid,
	"important_customer" boolean DEFAULT false NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"attendees" integer,
	"special_needs" text DEFAULT '' NOT NULL,
	"original_message" text,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"hold_start" timestamp with time zone,
	"hold_end" timestamp with time zone,
	"status" "booking_status" DEFAULT 'pending' NOT NULL,
	"holds_slot" boolean DEFAULT true NOT NULL,
	"lead_time_override_reason" text,
	"review_opinion" text,
	"status_reason" text,
	"info_request" text,
	"approved_at" timestamp with time zone,
	"confirm_deadline" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"checkout_checklist" jsonb,
	"inspection_note" text,
	"inspected_by_id" uuid,
	"inspected_at" timestamp with time zone,
	"flagged_reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "bookings_reference_unique" UNIQUE("reference"),
	CONSTRAINT "bookings_order" CHECK ("bookings"."start_at" < "bookings"."end_at"),
	CONSTRAINT "bookings_requester" CHECK (("bookings"."requester_kind" = 'staff' AND "bookings"."requester_user_id" IS NOT NULL) OR ("bookings"."requester_kind" = 'customer' AND "bookings"."contact_email" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"new_resource_id" uuid,
	"new_start_at" timestamp with time zone NOT NULL,
	"new_end_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" "change_request_status" DEFAULT 'pending' NOT NULL,
	"requested_by_id" uuid,
	"decided_by_id" uuid,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"message" text NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"answer" "coordination_answer",
	"comment" text,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"method" "contact_method" NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"booking_id" uuid,
	"template" text NOT NULL,
	"to_address" text NOT NULL,
	"locale" "locale" NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "feedback_kind" NOT NULL,
	"booking_id" uuid,
	"author_user_id" uuid,
	"author_email" text,
	"department_id" uuid,
	"rating" integer,
	"comment" text DEFAULT '' NOT NULL,
	"follow_up_status" "follow_up_status" DEFAULT 'none' NOT NULL,
	"follow_up_action" text,
	"follow_up_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" "holiday_kind" NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"booking_id" uuid,
	"reported_by_id" uuid,
	"severity" "incident_severity" NOT NULL,
	"description" text NOT NULL,
	"takes_out_of_service" boolean DEFAULT false NOT NULL,
	"status" "incident_status" DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"staff_lead_working_days" integer DEFAULT 1 NOT NULL,
	"customer_min_notice_hours" integer DEFAULT 24 NOT NULL,
	"confirm_window_hours" integer DEFAULT 24 NOT NULL,
	"change_notice_hours" integer DEFAULT 24 NOT NULL,
	"no_show_grace_minutes" integer DEFAULT 15 NOT NULL,
	"confirmation_reminder_hours" integer DEFAULT 6 NOT NULL,
	"visit_reminder_hours" integer DEFAULT 24 NOT NULL,
	"follow_up_survey_hours" integer DEFAULT 2 NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"default_locale" "locale" DEFAULT 'zh' NOT NULL,
	"booking_horizon_days" integer DEFAULT 90 NOT NULL,
	"customer_max_open_requests" integer DEFAULT 3 NOT NULL,
	"service_mailbox" text DEFAULT 'service@example.com' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "policy_settings_single_row" CHECK ("policy_settings"."id" = 1),
	CONSTRAINT "policy_settings_nonnegative" CHECK ("policy_settings"."staff_lead_working_days" >= 0 AND "policy_settings"."customer_min_notice_hours" >= 0 AND "policy_settings"."confirm_window_hours" > 0 AND "policy_settings"."change_notice_hours" >= 0 AND "policy_settings"."no_show_grace_minutes" >= 0 AND "policy_settings"."confirmation_reminder_hours" >= 0 AND "policy_settings"."visit_reminder_hours" >= 0 AND "policy_settings"."follow_up_survey_hours" >= 0 AND "policy_settings"."booking_horizon_days" > 0 AND "policy_settings"."customer_max_open_requests" > 0)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resource_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "resource_types_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"type_id" uuid NOT NULL,
	"location" text NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"facilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes_zh" text DEFAULT '' NOT NULL,
	"notes_en" text DEFAULT '' NOT NULL,
	"responsible_user_id" uuid,
	"responsible_name" text DEFAULT '' NOT NULL,
	"customer_bookable" boolean DEFAULT false NOT NULL,
	"opens_at" time DEFAULT '08:30' NOT NULL,
	"closes_at" time DEFAULT '18:00' NOT NULL,
	"working_days_only" boolean DEFAULT true NOT NULL,
	"setup_buffer_minutes" integer DEFAULT 0 NOT NULL,
	"cleanup_buffer_minutes" integer DEFAULT 0 NOT NULL,
	"max_duration_minutes" integer DEFAULT 480 NOT NULL,
	"state" "resource_state" DEFAULT 'in_service' NOT NULL,
	"asset_number" text,
	"model" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_code_unique" UNIQUE("code"),
	CONSTRAINT "resources_capacity_positive" CHECK ("resources"."capacity" > 0),
	CONSTRAINT "resources_buffers_nonnegative" CHECK ("resources"."setup_buffer_minutes" >= 0 AND "resources"."cleanup_buffer_minutes" >= 0),
	CONSTRAINT "resources_hours_order" CHECK ("resources"."opens_at" < "resources"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "user_role" DEFAULT 'staff' NOT NULL,
	"department_id" uuid,
	"phone" text,
	"locale" "locale" DEFAULT 'zh' NOT NULL,
	"is_department_contact" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_tokens" ADD CONSTRAINT "action_tokens_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blackouts" ADD CONSTRAINT "blackouts_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blackouts" ADD CONSTRAINT "blackouts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_inspected_by_id_users_id_fk" FOREIGN KEY ("inspected_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_new_resource_id_resources_id_fk" FOREIGN KEY ("new_resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_follow_up_by_id_users_id_fk" FOREIGN KEY ("follow_up_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_settings" ADD CONSTRAINT "policy_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_type_id_resource_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."resource_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_tokens_booking_idx" ON "action_tokens" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "blackouts_resource_idx" ON "blackouts" USING btree ("resource_id","start_at");--> statement-breakpoint
CREATE INDEX "booking_events_booking_idx" ON "booking_events" USING btree ("booking_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_resource_start_idx" ON "bookings" USING btree ("resource_id","start_at");--> statement-breakpoint
CREATE INDEX "bookings_status_idx" ON "bookings" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "bookings_requester_idx" ON "bookings" USING btree ("requester_user_id");--> statement-breakpoint
CREATE INDEX "bookings_contact_email_idx" ON "bookings" USING btree (lower("contact_email"));--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_booking_department_key" ON "coordination_requests" USING btree ("booking_id","department_id");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));