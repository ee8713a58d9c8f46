// Error texts for backup, restore and encryption.
export default {
  errors: {
    store_locked: 'The data is encrypted and still locked. Enter the passphrase first.',
    passphrase_required: 'The data is encrypted: its passphrase is needed.',
    wrong_passphrase: 'That passphrase is not the right one. Nothing was changed.',
    key_mismatch: 'The data does not match its encryption key (Encryption key mismatch). Nothing was changed.',
    passphrase_short: 'The passphrase needs at least {min} characters.',
    already_encrypted: 'The data is already encrypted.',
    not_encrypted: 'The data is not encrypted.',
    bad_key_file: 'The data folder’s key file is damaged.',
    newer_key_file: 'The key file was written by a newer Keystone. Update Keystone to open it.',
    backup_damaged: 'This backup is damaged or incomplete ({why}). Nothing was restored.',
    not_backup: 'This file is not a Keystone backup.',
    backup_missing: 'There is no file {path}.',
    newer_backup: 'This backup was made by a newer Keystone (data format {found}; this one reads up to {supported}). Update Keystone to restore it.',
    restore_target_not_empty: 'The folder {dir} is not empty. Restore into a new or empty folder.',
    backup_inside_data: 'Backups cannot be saved inside the data folder they back up.',
    no_folder: 'The folder {dir} does not exist.',
    path_not_absolute: 'Give the full path ({path} is relative).',
    file_exists: '{path} already exists. Choose another name.',
    backup_write_failed: 'The backup could not be written: {message}',
    copy_mismatch: 'The rewritten data differed from the original, so nothing was changed.',
    kinds: {
      'backup-settings': 'automatic backup settings',
    },
  },
}
