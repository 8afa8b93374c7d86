-- CreateTable
CREATE TABLE "database_identity" (
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "database_identity_pkey" PRIMARY KEY ("singleton")
);

-- CreateIndex
CREATE UNIQUE INDEX "database_identity_id_key" ON "database_identity"("id");

-- One row only, made now: the database's identity for as long as it lives.
ALTER TABLE "database_identity" ADD CONSTRAINT "database_identity_singleton_check" CHECK ("singleton");
INSERT INTO "database_identity" ("singleton") VALUES (true);
