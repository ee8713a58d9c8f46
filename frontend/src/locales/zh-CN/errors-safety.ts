// 备份、恢复与加密的错误说明。
export default {
  errors: {
    store_locked: '数据已加密，尚未解锁。请先输入口令。',
    passphrase_required: '数据已加密，需要输入口令。',
    wrong_passphrase: '口令不正确，未做任何更改。',
    key_mismatch: '数据与其加密密钥不匹配（Encryption key mismatch），未做任何更改。',
    passphrase_short: '口令至少需要 {min} 个字符。',
    already_encrypted: '数据已经加密。',
    not_encrypted: '数据未加密。',
    bad_key_file: '数据文件夹的密钥文件已损坏。',
    newer_key_file: '密钥文件由更新版本的基石写入，请先更新基石。',
    backup_damaged: '备份文件已损坏或不完整（{why}），未恢复任何数据。',
    not_backup: '这个文件不是基石的备份。',
    backup_missing: '文件 {path} 不存在。',
    newer_backup: '这份备份由更新版本的基石生成（数据格式 {found}，本版本最高支持 {supported}），请先更新基石。',
    restore_target_not_empty: '文件夹 {dir} 不是空的，请恢复到新的或空的文件夹。',
    backup_inside_data: '备份不能保存在它所备份的数据文件夹里。',
    no_folder: '文件夹 {dir} 不存在。',
    path_not_absolute: '请填写完整路径（{path} 是相对路径）。',
    file_exists: '{path} 已存在，请换一个文件名。',
    backup_write_failed: '无法写入备份：{message}',
    copy_mismatch: '重写后的数据与原数据不一致，未做任何更改。',
    kinds: {
      'backup-settings': '自动备份设置',
    },
  },
}
