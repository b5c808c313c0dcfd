CREATE TABLE `account_push_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`session_id` text NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_push_subscriptions_session_id_unique` ON `account_push_subscriptions` (`session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `account_push_subscriptions_endpoint_unique` ON `account_push_subscriptions` (`endpoint`);--> statement-breakpoint
CREATE INDEX `account_push_subscriptions_user_idx` ON `account_push_subscriptions` (`user_id`);