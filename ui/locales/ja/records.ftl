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
crawl-stop-closed = インベントリが開いていません（{ $reason }）。開けるようになったら、「再開」で止まったところから続けられます。
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

## 選んだプロファイルに合わない要求
unfit-other-product = プロファイル「{ $profile }」は { $product } 用です。{ $asked }には { $needs } のプロファイルが必要です。プロファイルの切り替えで { $needs } のプロファイルを選んでください
unfit-asked-question-auth0 = Auth0 の組織についての質問
unfit-asked-question-zitadel = ZITADEL のログインポリシーについての質問
unfit-asked-question-hub = JetBrains Hub の認証モジュールについての質問
unfit-asked-picker = この選択欄
unfit-asked-connection-list = 接続の一覧
unfit-asked-auth-module-list = 認証モジュールの一覧
unfit-asked-idp-list = IdP の一覧
unfit-asked-target-list = { $kind }のリスト
unfit-asked-bulk-change = この一括変更
unfit-kind-auth0-organizations = Auth0 の組織
unfit-kind-auth0-connections = Auth0 の接続
unfit-kind-zitadel-organizations = ZITADEL の組織
unfit-kind-zitadel-idps = ZITADEL の ID プロバイダー
unfit-kind-hub-auth-modules = Hub の認証モジュール
unfit-kind-hub-groups = Hub のグループ
unfit-not-of-product = このプロファイルは { $needs } のプロファイルではありません。{ $needs } のプロファイルを選んでください
unfit-options-with-lacks = オプションは、その接続を持つ組織を絞り込むためのものです。接続を持たない組織を調べるには、オプションを「すべて」のままにしてください
unfit-link-on-default-policy = { $target } はインスタンスのデフォルトのログインポリシーに従っていて独自のポリシーを持たないため、リンクは送信していません。もう一度プレビューして、組織独自のポリシーを先に作成するか、インスタンスのデフォルトにリンクするかを選んでください。

## Lanyard 自身の処理とファイル、内蔵サンドボックスの起動
config-inventory-bad-time = インベントリに、Lanyard が読み取れない時刻（{ $ms }）が記録されています
config-export-unwritten = エクスポートを書き出せませんでした（「{ $detail }」）
config-work-stopped = { $work }（「{ $detail }」）
work-snapshot-read = ファイルを読み込めませんでした
work-compare = 比較が途中で停止しました
work-snapshot-export = エクスポートが途中で停止しました
config-sandbox-not-started = 内蔵のサンドボックスを起動できませんでした: { $cause }
sandbox-cannot-listen = { $addr } で接続を待ち受けできません（「{ $detail }」）
sandbox-settings = サンドボックスの設定が使えません（「{ $detail }」）
sandbox-certificates = サンドボックスの TLS 証明書を作成できません（「{ $detail }」）
sandbox-ca-unwritable = サンドボックスの CA 証明書を { $path } に書き込めません（「{ $detail }」）

## インベントリが使えない理由、または最後の書き込みが失敗した理由
inventory-cannot-create = インベントリのファイル { $path } を作成できませんでした（「{ $detail }」）
inventory-cannot-open = インベントリのデータベース { $path } を開けませんでした（「{ $detail }」）
inventory-damaged = インベントリのファイル { $path } は壊れているか、Lanyard のインベントリではありません（「{ $cause }」）。別の場所へ移すと、Lanyard が新しいインベントリを作成します
inventory-too-new = インベントリのデータベースは新しいバージョンの Lanyard が書き込んだものです（スキーマのバージョン { $found }、このバージョンが扱えるのは { $known } まで）。Lanyard を更新するか、ファイルを別の場所へ移して新しいインベントリを始めてください
inventory-cannot-upgrade = インベントリのデータベースをスキーマのバージョン { $version } に更新できませんでした（「{ $detail }」）
inventory-bad-value = インベントリのデータベースに、Lanyard が読み取れない値があります（「{ $detail }」）
inventory-failed = インベントリのデータベースでエラーが発生しました（「{ $detail }」）
inventory-unwritten = インベントリへの書き込み（{ $write }）に失敗しました（「{ $detail }」）
inventory-write-mark-interrupted = 中断した読み込みの記録
inventory-write-org-connections = 組織の接続の更新
inventory-write-org-connection = 組織の接続の更新
inventory-write-policy-idps = ログインポリシーの ID プロバイダーの更新
inventory-write-target-name = 対象の名前の記録
inventory-write-module-groups = 認証モジュールのグループの更新
inventory-write-change = Lanyard が行った変更の記録
inventory-write-make-like = 「同じ構成にする」で読み込んだ内容の記録
inventory-write-listing-names = 一覧で読み込んだ名前の記録
