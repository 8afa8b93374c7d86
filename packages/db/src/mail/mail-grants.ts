// The extension point for attachments that are an offer to grant on claim (storefront gifts,
// rewards): the attachment stores a JSON description `{ type, ... }`, and the handler registered
// for that type turns it into what it grants, inside the taking action's transaction (so a
// failure rolls the take back and the attachment stays). A refund description says what goes
// back to the one who paid when the attachment returns to the mail's original sender.
import { z } from "zod";
import type { ActionContext } from "../actions/action.js";

/** A grant or refund description: a JSON object naming its handler in `type`. */
export const GrantDescriptionSchema = z.object({ type: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "must be a lowercase handler name") }).catchall(z.json());

/** A parsed {@link GrantDescriptionSchema}. */
export type GrantDescription = z.output<typeof GrantDescriptionSchema>;

/** Who receives a grant or a refund. */
export interface GrantRecipient {
  accountId: number;
  characterId: number;
}

/** Turns descriptions of one `type` into what they grant. */
export interface MailGrantHandler {
  /**
   * Gives what `grant` describes to `to`, in the action's transaction, emitting its events. Throw a
   * DbError to refuse (the take is rolled back and the attachment stays).
   */
  grant(ctx: ActionContext, to: GrantRecipient, grant: GrantDescription): Promise<void>;
  /** Gives back what paid for the grant (a refund description of this type) to `to`. */
  refund?(ctx: ActionContext, to: GrantRecipient, refund: GrantDescription): Promise<void>;
}

/** Handlers by description `type`, passed to the actions that take or settle attachments. */
export type MailGrantHandlers = Readonly<Record<string, MailGrantHandler>>;

/** Validates a handler table passed in an action's input. */
export const MailGrantHandlersSchema = z.custom<MailGrantHandlers>(
  (value) => typeof value === "object" && value !== null && Object.values(value).every((h) => typeof (h as MailGrantHandler)?.grant === "function"),
  "must map grant types to handlers with a grant function",
);
