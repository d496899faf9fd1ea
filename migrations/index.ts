import * as migration_20261125_144022_initial from './20261125_144022_initial';
import * as migration_20261125_150500_pages_booking_seo from './20261125_150500_pages_booking_seo';
import * as migration_20261125_152015_redirects from './20261125_152015_redirects';
import * as migration_20261125_155543_editorial_roles from './20261125_155543_editorial_roles';
import * as migration_20261125_170042_focus_keyphrase from './20261125_170042_focus_keyphrase';

export const migrations = [
  {
    up: migration_20261125_144022_initial.up,
    down: migration_20261125_144022_initial.down,
    name: '20261125_144022_initial',
  },
  {
    up: migration_20261125_150500_pages_booking_seo.up,
    down: migration_20261125_150500_pages_booking_seo.down,
    name: '20261125_150500_pages_booking_seo',
  },
  {
    up: migration_20261125_152015_redirects.up,
    down: migration_20261125_152015_redirects.down,
    name: '20261125_152015_redirects',
  },
  {
    up: migration_20261125_155543_editorial_roles.up,
    down: migration_20261125_155543_editorial_roles.down,
    name: '20261125_155543_editorial_roles',
  },
  {
    up: migration_20261125_170042_focus_keyphrase.up,
    down: migration_20261125_170042_focus_keyphrase.down,
    name: '20261125_170042_focus_keyphrase'
  },
];
