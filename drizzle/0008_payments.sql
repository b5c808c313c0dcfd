CREATE TABLE `payment_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`order_id` text,
	`received_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `shops` ADD `payment_account` text;--> statement-breakpoint
ALTER TABLE `order_parts` ADD `payout_ref` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `payment_url` text;