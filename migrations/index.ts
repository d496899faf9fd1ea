import * as migration_20261130_094821_initial from './20261130_094821_initial';

export const migrations = [
  {
    up: migration_20261130_094821_initial.up,
    down: migration_20261130_094821_initial.down,
    name: '20261130_094821_initial'
  },
];
