import { Migration } from '@mikro-orm/migrations';

/**
 * Files uploaded ahead of an import (docs/import.md, "Uploading large files"): the bytes, kept for
 * a day for the person or API token that sent them and their plant, then deleted by the retention
 * sweep. Expand-only: a new table that the previous release never reads.
 */
export class Migration20261202121000FileUpload extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "file_upload" (
      "id" uuid primary key default gen_random_uuid(),
      "plant_id" uuid not null references "plant" ("id"),
      "user_id" uuid null references "app_user" ("id") on delete cascade,
      "token_id" uuid null references "access_token" ("id") on delete cascade,
      "name" varchar(255) not null,
      "bytes" int not null,
      "sha256" char(64) not null,
      "content" bytea not null,
      "created_at" timestamptz not null default now(),
      "expires_at" timestamptz not null,
      constraint "file_upload_owner_check" check (num_nonnulls("user_id", "token_id") = 1)
    );`);
    this.addSql(`create index "file_upload_expires_at_index" on "file_upload" ("expires_at");`);
  }
}
