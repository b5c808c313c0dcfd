import type { ImageDescriptor } from '$lib/images/limits';

/** What the pages and the stream carry about messages (isomorphic: no server import). */
export interface MessageView {
  id: number;
  conversationId: number;
  side: 'citizen' | 'shop';
  clientId: string;
  body: string;
  photo: ImageDescriptor | null;
  photoExpired: boolean;
  createdAt: string;
}

export interface ConversationSummary {
  id: number;
  shopId: number;
  shopName: string;
  shopSlug: string;
  /** The citizen's chosen name, for the shop's side only ('' otherwise or when unset). */
  citizenName: string;
  status: 'open' | 'resolved';
  blocked: boolean;
  orderPartId: number | null;
  orderId: string | null;
  lastActivityAt: string;
  unread: number;
  lastMessage: { body: string; side: 'citizen' | 'shop'; photo: boolean } | null;
}

export interface ThreadView {
  conversation: ConversationSummary;
  side: 'citizen' | 'shop';
  messages: MessageView[];
  readUpTo: number;
  /** The other side's read receipt (only advanced when they allow it). */
  otherReceiptUpTo: number;
  quickReplies: { id: number; body: string }[];
}

/** An event on `GET /api/messages/stream`, as the device receives it. */
export type StreamEvent =
  | { type: 'message'; id: number; data: { conversationId: number; shopId: number; shopName: string; as: 'citizen' | 'shop'; message: MessageView } }
  | { type: 'read'; id: number; data: { conversationId: number; side: 'citizen' | 'shop'; readUpTo?: number; receiptUpTo?: number } }
  | { type: 'status'; id: number; data: { conversationId: number; status?: 'open' | 'resolved'; blocked?: boolean } }
  | { type: 'open' | 'offline' | 'closed'; id: number; data: Record<string, never> };

/** The private address of a message photo variant: answered only to the conversation's participants. */
export function messagePhotoUrl(conversationId: number, photoId: string, width: number, format: string): string {
  return `/api/conversations/${conversationId}/photos/${photoId}-${width}.${format}`;
}
