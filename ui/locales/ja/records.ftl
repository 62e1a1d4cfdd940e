## Records and checks: audit-log messages, the crawl's stop message, the inventory's and the
## compare's refusals, the built-in sandbox's errors. Part of the ja catalogue (ui/src/i18n/lang.rs).

## 監査ログの各記録の補足（アクティビティページ）
audit-note-stored = 「{ $text }」
audit-note-already = すでに求める状態だったため、何も送信していません
audit-note-later = 新しいバージョンの Lanyard による記録: 「{ $text }」

## 読み込み（クロール）が止まった理由（インベントリページ）
crawl-stop-stored = 「{ $text }」
crawl-stop-lanyard-stopped = 読み込みの途中で Lanyard が終了しました。「再開」で止まったところから続けられます
crawl-stop-cancelled = キャンセルしました。読み込んだ分はそのまま使えます。「再開」で止まったところから続けられます。
crawl-stop-not-kept = 読み込んだ内容がインベントリに保存されなかったため、同じものを読み直さずに停止しました。「再開」で止まったところから続けられます。
crawl-stop-targets-gone = 一覧には載っていた直近の { $count } 件の対象について、サーバーは存在しないと応答しました。プロファイルページでプロファイルのアドレスを確認してから、読み込みを最初からやり直してください
crawl-stop-writer-stopped = インベントリへの書き込みが予期せず停止しました。「再開」で止まったところから続けられます。
crawl-stop-reader-stopped = インベントリの読み取りが予期せず停止しました。「再開」で止まったところから続けられます。
crawl-stop-unwritable = インベントリへの書き込み（{ $step }）に失敗しました（「{ $detail }」）。書き込めるようになったら、「再開」で止まったところから続けられます。
crawl-stop-closed = インベントリが開いていません（「{ $reason }」）。開けるようになったら、「再開」で止まったところから続けられます。
crawl-stop-never-opened = インベントリが開かれていません。開けるようになったら、「再開」で止まったところから続けられます。
crawl-stop-unreadable = インベントリを読み込めませんでした（「{ $detail }」）。読み込めるようになったら、「再開」で止まったところから続けられます。
crawl-stop-server = { $reading }の読み込み中に停止しました: { $error }。サーバーが再び応答するようになったら、「再開」で止まったところから続けられます。
crawl-step-save-state = 読み込みの状態の保存
crawl-step-record-instance = インスタンスの記録
crawl-step-record-listed = 一覧にあった対象の記録
crawl-step-forget-unlisted = 一覧から消えた対象の削除
crawl-step-forget-gone = なくなった対象の削除
crawl-step-record-read = 読み込んだ内容の記録
crawl-reading-organizations = 組織の一覧
crawl-reading-connections = 接続の一覧
crawl-reading-instance = インスタンス
crawl-reading-login-policies = ログインポリシーの一覧
crawl-reading-idps = ID プロバイダーの一覧
crawl-reading-auth-modules = 認証モジュールの一覧
crawl-reading-groups = グループの一覧
crawl-reading-target = 「{ $name }」
config-inventory-unwritable = インベントリへの書き込み（{ $step }）に失敗しました（「{ $detail }」）
