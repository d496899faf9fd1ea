import * as migration_20261130_094821_initial from './20261130_094821_initial';
import * as migration_20261130_100544_redirect_hosts from './20261130_100544_redirect_hosts';
import * as migration_20261130_101702_no_login_lockout from './20261130_101702_no_login_lockout';
import * as migration_20261130_102259_media_storage_fields from './20261130_102259_media_storage_fields';
import * as migration_20261130_105532_booking_mail_lifecycle from './20261130_105532_booking_mail_lifecycle';
import * as migration_20261130_110755_editorial_review_requests from './20261130_110755_editorial_review_requests';
import * as migration_20261130_122905_brand_and_references from './20261130_122905_brand_and_references';
import * as migration_20261130_155253_body_uploads from './20261130_155253_body_uploads';

export const migrations = [
  {
    up: migration_20261130_094821_initial.up,
    down: migration_20261130_094821_initial.down,
    name: '20261130_094821_initial',
  },
  {
    up: migration_20261130_100544_redirect_hosts.up,
    down: migration_20261130_100544_redirect_hosts.down,
    name: '20261130_100544_redirect_hosts',
  },
  {
    up: migration_20261130_101702_no_login_lockout.up,
    down: migration_20261130_101702_no_login_lockout.down,
    name: '20261130_101702_no_login_lockout',
  },
  {
    up: migration_20261130_102259_media_storage_fields.up,
    down: migration_20261130_102259_media_storage_fields.down,
    name: '20261130_102259_media_storage_fields',
  },
  {
    up: migration_20261130_105532_booking_mail_lifecycle.up,
    down: migration_20261130_105532_booking_mail_lifecycle.down,
    name: '20261130_105532_booking_mail_lifecycle',
  },
  {
    up: migration_20261130_110755_editorial_review_requests.up,
    down: migration_20261130_110755_editorial_review_requests.down,
    name: '20261130_110755_editorial_review_requests',
  },
  {
    up: migration_20261130_122905_brand_and_references.up,
    down: migration_20261130_122905_brand_and_references.down,
    name: '20261130_122905_brand_and_references',
  },
  {
    up: migration_20261130_155253_body_uploads.up,
    down: migration_20261130_155253_body_uploads.down,
    name: '20261130_155253_body_uploads'
  },
];
