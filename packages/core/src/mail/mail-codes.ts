// The client's mail enums and limits. Enum values from NexusForever
// (Source/NexusForever.Game.Static/Mail/MailFlag.cs, SenderType.cs; GenericError.cs in
// Source/NexusForever.Network.World/Message/Static); content types from ServerMailAvailable
// (protocol-next.md section 2f). Length limits are what the client's MailSystemLib reports
// (GetSubjectCharacterLimit 49, GetMessageCharacterLimit 499, GetAttachmentMaxCount 10).

/** SenderType (32 bits in ServerMailAvailable). */
export const MAIL_SENDER_TYPE = {
  Player: 0,
  Creature: 1,
  GM: 2,
  CommodityAuction: 3,
  ItemAuction: 4,
} as const;

/** One of the {@link MAIL_SENDER_TYPE} values. */
export type MailSenderType = (typeof MAIL_SENDER_TYPE)[keyof typeof MAIL_SENDER_TYPE];

/** ContentType (u14 in ServerMailAvailable). */
export const MAIL_CONTENT_TYPE = {
  PlayerMessage: 0,
  AuctionWon: 5,
  AuctionExpired: 7,
  /** What the storefront's gifts carry. */
  AccountItem: 23,
} as const;

/** One of the {@link MAIL_CONTENT_TYPE} values. */
export type MailContentType = (typeof MAIL_CONTENT_TYPE)[keyof typeof MAIL_CONTENT_TYPE];

/** MailFlag bits (32 bits in ServerMailAvailable). */
export const MAIL_FLAG = {
  IsRead: 0x02,
  IsSaved: 0x04,
  NotReturnable: 0x08,
  NoExpiry: 0x20,
  IsGift: 0x40,
} as const;

/** Every defined flag bit. */
export const MAIL_FLAGS_MASK = 0x02 | 0x04 | 0x08 | 0x20 | 0x40;

/** GenericError codes the mail packets answer with (u8 in ServerMailResult, ServerMailTakeAttachment). */
export const MAIL_GENERIC_ERROR = {
  Ok: 0x00,
  ItemInventoryFull: 0x1b,
  CannotFindPlayer: 0x35,
  FailedToCreate: 0x36,
  Busy: 0x40,
  MailBoxOutOfRange: 0x41,
  NoAttachment: 0x42,
  InsufficientFunds: 0x43,
  InvalidInventorySlot: 0x44,
  UniqueExists: 0x45,
  CannotDelete: 0x46,
  DoesNotExist: 0x47,
  CannotTransferItem: 0x5b,
  InvalidText: 0x5c,
  CanNotHaveCoDAndGift: 0x5d,
  InvalidDeliverySpeed: 0x65,
  CannotReturn: 0x77,
  CannotMailSelf: 0x78,
  TrialAccount: 0x7d,
  Squelched: 0x86,
  CannotSendAttachments: 0x9e,
  LevelRequirement: 0xa1,
} as const;

/** One of the {@link MAIL_GENERIC_ERROR} values. */
export type MailGenericError = (typeof MAIL_GENERIC_ERROR)[keyof typeof MAIL_GENERIC_ERROR];

/** The client's limits: characters of subject and body, attachment slots. */
export const MAIL_LIMITS = {
  subjectLength: 49,
  bodyLength: 499,
  attachments: 10,
} as const;
