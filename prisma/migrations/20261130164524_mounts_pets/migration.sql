-- CreateTable
CREATE TABLE "mount_customizations" (
    "character_id" INTEGER NOT NULL,
    "mount_id" INTEGER NOT NULL,
    "flair" INTEGER[],
    "dyes" INTEGER[],
    "upgrades" TEXT[],
    "tricks" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mount_customizations_pkey" PRIMARY KEY ("character_id","mount_id")
);

-- CreateTable
CREATE TABLE "character_pets" (
    "character_id" INTEGER NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "pet_id" INTEGER NOT NULL,
    "xp" INTEGER NOT NULL DEFAULT 0,
    "level" INTEGER NOT NULL DEFAULT 1,
    "nickname" VARCHAR(20),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "character_pets_pkey" PRIMARY KEY ("character_id","kind","pet_id")
);

-- AddForeignKey
ALTER TABLE "mount_customizations" ADD CONSTRAINT "mount_customizations_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "character_pets" ADD CONSTRAINT "character_pets_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Collections also hold vanity pets and mount flair (COLLECTIBLE_TYPES in packages/db/src/collections/collection-record.ts).
ALTER TABLE "account_collections" DROP CONSTRAINT "account_collections_type_check";
ALTER TABLE "account_collections" ADD CONSTRAINT "account_collections_type_check" CHECK ("collectible_type" IN ('mount', 'pet', 'vanity_pet', 'flair'));
ALTER TABLE "character_collections" DROP CONSTRAINT "character_collections_type_check";
ALTER TABLE "character_collections" ADD CONSTRAINT "character_collections_type_check" CHECK ("collectible_type" IN ('mount', 'pet', 'vanity_pet', 'flair'));

-- Four flair slots (FLAIR_SLOT_COUNT in core), at most three dye channels (MAX_DYE_CHANNELS in data), 16-bit dye ids.
ALTER TABLE "mount_customizations" ADD CONSTRAINT "mount_customizations_flair_check" CHECK ("flair" IS NOT NULL AND cardinality("flair") = 4 AND 0 <= ALL ("flair"));
ALTER TABLE "mount_customizations" ADD CONSTRAINT "mount_customizations_dyes_check" CHECK ("dyes" IS NOT NULL AND cardinality("dyes") <= 3 AND 0 <= ALL ("dyes") AND 65535 >= ALL ("dyes"));
ALTER TABLE "mount_customizations" ADD CONSTRAINT "mount_customizations_lists_check" CHECK ("upgrades" IS NOT NULL AND "tricks" IS NOT NULL);

-- Combat pets level 1..25 (MAX_PET_LEVEL in data); vanity pets never gain XP. Nicknames 1-20 characters.
ALTER TABLE "character_pets" ADD CONSTRAINT "character_pets_kind_check" CHECK ("kind" IN ('pet', 'vanity_pet'));
ALTER TABLE "character_pets" ADD CONSTRAINT "character_pets_level_check" CHECK ("xp" >= 0 AND "level" BETWEEN 1 AND 25 AND ("kind" = 'pet' OR ("xp" = 0 AND "level" = 1)));
ALTER TABLE "character_pets" ADD CONSTRAINT "character_pets_nickname_check" CHECK ("nickname" IS NULL OR char_length("nickname") BETWEEN 1 AND 20);
