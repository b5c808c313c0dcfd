ALTER TABLE `order_parts` ADD `refund_ref` text;--> statement-breakpoint
ALTER TABLE `order_parts` ADD `refund_cents` integer;--> statement-breakpoint
ALTER TABLE `order_parts` ADD `refunded_at` text;--> statement-breakpoint
ALTER TABLE `order_parts` ADD `reversal_ref` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `payment_intent` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `email_sent_at` text;