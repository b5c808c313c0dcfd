CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`reason` text NOT NULL,
	`reporter_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	`resolution` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reports_open_idx` ON `reports` (`resolved_at`);--> statement-breakpoint
ALTER TABLE `content_items` ADD `image` text;--> statement-breakpoint
ALTER TABLE `content_items` ADD `author_id` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `photos` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `shops` ADD `photos` text DEFAULT '[]' NOT NULL;