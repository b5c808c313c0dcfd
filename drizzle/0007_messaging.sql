CREATE TABLE `conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`citizen_id` integer NOT NULL,
	`shop_id` integer NOT NULL,
	`order_part_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`citizen_blocked` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_activity_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`citizen_read_up_to` integer DEFAULT 0 NOT NULL,
	`shop_read_up_to` integer DEFAULT 0 NOT NULL,
	`citizen_receipt_up_to` integer DEFAULT 0 NOT NULL,
	`shop_receipt_up_to` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_part_id`) REFERENCES `order_parts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `conversations_citizen_idx` ON `conversations` (`citizen_id`,`last_activity_at`);--> statement-breakpoint
CREATE INDEX `conversations_shop_idx` ON `conversations` (`shop_id`,`last_activity_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_order_part_idx` ON `conversations` (`order_part_id`);--> statement-breakpoint
CREATE INDEX `conversations_activity_idx` ON `conversations` (`last_activity_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL,
	`side` text NOT NULL,
	`sender_id` integer,
	`client_id` text NOT NULL,
	`body` text NOT NULL,
	`photo` text,
	`photo_expired` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sender_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_idx` ON `messages` (`conversation_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `messages_conversation_idx` ON `messages` (`conversation_id`,`id`);--> statement-breakpoint
CREATE TABLE `quick_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shop_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quick_replies_shop_idx` ON `quick_replies` (`shop_id`);--> statement-breakpoint
CREATE TABLE `reported_messages` (
	`report_id` integer NOT NULL,
	`message_id` integer NOT NULL,
	PRIMARY KEY(`report_id`, `message_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reported_messages_message_idx` ON `reported_messages` (`message_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `read_receipts` integer DEFAULT false NOT NULL;