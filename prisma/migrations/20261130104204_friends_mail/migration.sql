-- CreateTable
CREATE TABLE "character_friendships" (
    "id" BIGSERIAL NOT NULL,
    "character_id" INTEGER NOT NULL,
    "other_character_id" INTEGER NOT NULL,
    "type" SMALLINT NOT NULL,
    "note" VARCHAR(64) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "character_friendships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "friend_invites" (
    "id" BIGSERIAL NOT NULL,
    "inviter_character_id" INTEGER NOT NULL,
    "invitee_character_id" INTEGER NOT NULL,
    "note" VARCHAR(64) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "friend_invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail" (
    "id" BIGSERIAL NOT NULL,
    "recipient_character_id" INTEGER NOT NULL,
    "sender_type" SMALLINT NOT NULL,
    "sender_character_id" INTEGER,
    "sender_name" VARCHAR(32) NOT NULL,
    "creature_id" INTEGER,
    "subject" VARCHAR(49) NOT NULL,
    "body" VARCHAR(499) NOT NULL,
    "content_type" SMALLINT NOT NULL DEFAULT 0,
    "flags" INTEGER NOT NULL DEFAULT 0,
    "gold" BIGINT NOT NULL DEFAULT 0,
    "cod" BIGINT NOT NULL DEFAULT 0,
    "cod_paid_at" TIMESTAMPTZ(3),
    "returned_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_attachments" (
    "mail_id" BIGINT NOT NULL,
    "slot" SMALLINT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "item_id" INTEGER,
    "count" INTEGER,
    "grant" JSONB,
    "refund" JSONB,

    CONSTRAINT "mail_attachments_pkey" PRIMARY KEY ("mail_id","slot")
);

-- CreateIndex
CREATE INDEX "character_friendships_other_character_id_idx" ON "character_friendships"("other_character_id");

-- CreateIndex
CREATE UNIQUE INDEX "character_friendships_character_id_other_character_id_key" ON "character_friendships"("character_id", "other_character_id");

-- CreateIndex
CREATE INDEX "friend_invites_invitee_character_id_idx" ON "friend_invites"("invitee_character_id");

-- CreateIndex
CREATE INDEX "friend_invites_expires_at_idx" ON "friend_invites"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "friend_invites_inviter_character_id_invitee_character_id_key" ON "friend_invites"("inviter_character_id", "invitee_character_id");

-- CreateIndex
CREATE INDEX "mail_recipient_character_id_id_idx" ON "mail"("recipient_character_id", "id");

-- CreateIndex
CREATE INDEX "mail_expires_at_idx" ON "mail"("expires_at");

-- AddForeignKey
ALTER TABLE "character_friendships" ADD CONSTRAINT "character_friendships_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "character_friendships" ADD CONSTRAINT "character_friendships_other_character_id_fkey" FOREIGN KEY ("other_character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "friend_invites" ADD CONSTRAINT "friend_invites_inviter_character_id_fkey" FOREIGN KEY ("inviter_character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "friend_invites" ADD CONSTRAINT "friend_invites_invitee_character_id_fkey" FOREIGN KEY ("invitee_character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail" ADD CONSTRAINT "mail_recipient_character_id_fkey" FOREIGN KEY ("recipient_character_id") REFERENCES "characters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail" ADD CONSTRAINT "mail_sender_character_id_fkey" FOREIGN KEY ("sender_character_id") REFERENCES "characters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_attachments" ADD CONSTRAINT "mail_attachments_mail_id_fkey" FOREIGN KEY ("mail_id") REFERENCES "mail"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written CHECKs (see CONTRIBUTING.md "Add a table or a migration").
ALTER TABLE "character_friendships"
  ADD CONSTRAINT "character_friendships_type_check" CHECK ("type" IN (0, 1, 3, 4)),
  ADD CONSTRAINT "character_friendships_not_self_check" CHECK ("character_id" <> "other_character_id");

ALTER TABLE "friend_invites"
  ADD CONSTRAINT "friend_invites_not_self_check" CHECK ("inviter_character_id" <> "invitee_character_id");

ALTER TABLE "mail"
  ADD CONSTRAINT "mail_sender_type_check" CHECK ("sender_type" IN (0, 1, 2)),
  ADD CONSTRAINT "mail_gold_check" CHECK ("gold" >= 0),
  ADD CONSTRAINT "mail_cod_check" CHECK ("cod" >= 0),
  ADD CONSTRAINT "mail_cod_or_gold_check" CHECK ("cod" = 0 OR "gold" = 0),
  ADD CONSTRAINT "mail_flags_check" CHECK ("flags" >= 0 AND "flags" & ~110 = 0);

ALTER TABLE "mail_attachments"
  ADD CONSTRAINT "mail_attachments_slot_check" CHECK ("slot" BETWEEN 0 AND 9),
  ADD CONSTRAINT "mail_attachments_kind_check" CHECK (
    ("kind" = 'item' AND "item_id" > 0 AND "count" > 0 AND "grant" IS NULL AND "refund" IS NULL)
    OR ("kind" = 'grant' AND "grant" IS NOT NULL AND "item_id" IS NULL AND "count" IS NULL));
