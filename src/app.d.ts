import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person (after the second factor when they use one); null for everyone else. */
      user: SessionUser | null;
      /** The current session, also while it waits for the second factor. */
      session: Session | null;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
