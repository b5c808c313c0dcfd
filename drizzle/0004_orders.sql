CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`part_id` integer NOT NULL,
	`product_id` integer,
	`name` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`qty` integer NOT NULL,
	FOREIGN KEY (`part_id`) REFERENCES `order_parts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `order_lines_part_idx` ON `order_lines` (`part_id`);--> statement-breakpoint
CREATE INDEX `order_lines_product_idx` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `order_parts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` text NOT NULL,
	`shop_id` integer NOT NULL,
	`status` text DEFAULT 'placed' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`pickup_code` text,
	`fulfilment` text NOT NULL,
	`slot_start` text,
	`slot_end` text,
	`delivery_address` text,
	`delivery_fee_cents` integer DEFAULT 0 NOT NULL,
	`subtotal_cents` integer NOT NULL,
	`placed_at` text NOT NULL,
	`accepted_at` text,
	`ready_at` text,
	`closed_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_parts_order_idx` ON `order_parts` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_parts_slot_idx` ON `order_parts` (`shop_id`,`slot_start`);--> statement-breakpoint
CREATE INDEX `order_parts_shop_status_idx` ON `order_parts` (`shop_id`,`status`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`idempotency_key` text,
	`request_hash` text,
	`payment_method` text NOT NULL,
	`payment_status` text NOT NULL,
	`payment_ref` text,
	`total_cents` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text,
	`anonymised_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_idempotency_idx` ON `orders` (`user_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `orders_user_idx` ON `orders` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_expiry_idx` ON `orders` (`payment_status`,`expires_at`);--> statement-breakpoint
ALTER TABLE `products` ADD `reserved` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `sold` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `stock_in` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `shops` ADD `slot_minutes` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `shops` ADD `slot_capacity` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE `shops` ADD `prep_minutes` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `shops` ADD `delivery` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `shops` ADD `delivery_postcodes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `shops` ADD `delivery_fee_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Products that existed before orders: everything in stock so far was put up for sale.
UPDATE `products` SET `stock_in` = `stock`;