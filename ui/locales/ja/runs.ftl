## Bulk runs, plans and comparisons: a run's title, its notes and its items' notes, kept typed
## in the run's journal and worded here. Part of the ja catalogue (ui/src/i18n/lang.rs).

## 実行のタイトル（RunTitle）
run-title-enable = { $n } 件の組織で { $connection } を有効にする
run-title-disable = { $n } 件の組織で { $connection } を無効にする
run-title-change = { $n } 件の組織で { $connection } の設定を変更する
run-title-remove = { $n } 件の組織から { $connection } を外す
run-title-link = { $n } 件の ID プロバイダーを { $policy } のログインポリシーにリンクする
run-title-unlink = { $n } 件の ID プロバイダーを { $policy } のログインポリシーからリンク解除する
run-title-hub-add = { $n } 件の認証モジュールの自動参加グループに { $group } を追加する
run-title-hub-remove = { $n } 件の認証モジュールの自動参加グループから { $group } を外す
run-title-undo = 取り消し: { $title }（{ $n } 件）
run-title-like = { $who } を { $source } と同じ構成にする（変更 { $n } 件）
run-title-like-removing = { $who } を { $source } と同じ構成にし、{ $source } にないものは外す（変更 { $n } 件）
run-title-like-targets = { $n } 件の{ $targets }
run-title-copy = { $from } から { $to } へ { $n } 件の差分をコピーする

## 実行の注記（RunNote）
run-note-halted = 一時停止しました: { $cause }。実行の記録と監査ログに書き込めるようになるまで、何も送信しません。問題を解決してから再開してください。
run-note-not-saved = ディスクに保存できませんでした: { $cause }。
run-note-not-saved-after = { $before }ディスクに保存できませんでした: { $cause }。
run-note-unreachable = 一時停止しました: { $error }。接続できるようになったら再開してください。結果の分からない項目は先に読み直します。
run-note-connection-lost = 一時停止しました: { $error }。接続が戻ったら再開してください。送信中だった項目は先に読み直します。
run-note-rate-limited = 一時停止しました: { $error }。テナントの上限は他のツールと共有です。1 分ほどしてから再開してください。
run-note-confirm-production = この本番環境の実行は何かを削除または無効にします。送信する前に { $expected } と入力して確認してください。
run-note-finished = 実行が終わりました: 完了 { $done } 件、変更不要 { $skipped } 件、失敗 { $failed } 件{ $unknown ->
    [0] {""}
   *[other] 、結果不明 { $unknown } 件
}{ $notsent ->
    [0] {""}
   *[other] 、未送信（先にキャンセル） { $notsent } 件
}。
run-note-cancelled = キャンセルしました。{ $n } 件は送信していません。
run-note-stopped-running = この実行の途中で Lanyard が停止しました。再開してください。結果の分からない項目は先に読み直すため、二重に適用されることはありません。
run-note-stopped-planning = この実行の対象を読み込んでいる途中で Lanyard が停止しました。再開すると読み込み直します。その後、計画を確認して開始してください。
run-note-read-live = サーバーから直接読み込みました: { $why }。
live-inventory-unreadable = インベントリを読み込めませんでした（「{ $detail }」）
live-inventory-not-open = インベントリが開いていないため、各対象をサーバーから読み込みました
live-stale = { $n } 件中 { $stale } 件の対象がインベントリにないか、{ $minutes } 分より古くなっています
live-policy-stale = { $policy } のログインポリシーがインベントリにないか、{ $minutes } 分より古くなっています
live-no-row = インベントリにこれらの対象の行がありません
live-missing-wiring = インベントリにすべての対象の構成がそろっていません
live-like-stale = { $n } 件中 { $live } 件の{ $targets }（コピー元を含む）がインベントリにないか、上限より古くなっています

## 項目の注記（ItemNote）
item-note-nothing-to-send = この対象に送信するものはありません
item-note-confirmed-by-read-back = 応答がはっきりしなかったため読み直し、適用を確認しました
item-note-already-as-planned = 確認したところ、すでに計画どおりでした
item-note-already-so = すでにその状態でした。何も変更していません
item-note-changed-elsewhere = 計画後に他の誰かが変更しました（現在: { $now }）。Lanyard は手を付けていません
item-note-not-planned-again = 計画し直せませんでした
item-note-not-sent = 送信しません: { $problems }
item-note-field-problem = { $field }: { $problem }
item-note-not-applied-after = { $tries } 回試しても適用されませんでした。「失敗を再試行」でもう一度試せます
item-note-could-not-read = 現在の状態を読み込めませんでした: { $error }
item-note-no-inventory-state = インベントリにこの対象の状態がありません
item-note-bad-id = 有効な ID ではありません: { $field }: { $problem }
item-note-not-enabled = この組織では { $connection } が有効ではないため、変更するものがありません。先に有効にしてください
item-note-cancelled-while-sending = 結果が分かる前にキャンセルしました。「失敗を再試行」で先に読み直します

## 比較の各側の注記（SideNote）
side-not-yet-read = 未読み込みの{ $targets } { $n } 件を除外しました。含めるにはインベントリページで { $profile } を読み込んでください
side-exported = エクスポートしたファイル
side-exported-from = { $from } からエクスポート
side-exported-at = { $at } にエクスポート
side-exported-from-at = { $from } から { $at } にエクスポート
error-with-problems = { $error }: { $problems }

## 実行フォルダーのファイルを読めない理由（JournalProblem）
journal-folder-unreadable = 一括実行のフォルダーを読み込めません（「{ $detail }」）。アクセス権を修正してください
journal-entry-unreadable = フォルダーの項目を読み込めません（「{ $detail }」）
journal-not-a-name = 実行の記録のファイル名（run-<id>.json）ではありません
journal-missing = { $folder } に実行 { $run } の記録がありません
journal-cannot-read = 読み込めません（「{ $detail }」）
journal-too-large = { $limit } MB を超えており、どの実行の記録よりも大きいファイルです。編集されたか壊れている可能性があります
journal-line-too-long = { $limit } KB を超える行があり、実行の記録が書く行より長いです。編集されたか壊れている可能性があります
journal-header-too-long = 先頭行が { $limit } KB を超えているか、1 行になっていません。編集されたか壊れている可能性があります
journal-newer = バージョン { $version } の記録です。この Lanyard が読めるのはバージョン 1 ～ { $newest } です。書き込んだ Lanyard で開いてください
journal-other-run = 実行 { $run } の名前で実行 { $found } を保持しています。コピーされたか名前を変えられた可能性があります
journal-damaged = 実行の記録として読めません（{ $damage }）。途中で切れたか編集された可能性があります
damage-unparsed-line = { $line } 行目: 「{ $said }」
damage-unparsed = 「{ $said }」
damage-last-line = 最終行: 「{ $said }」
damage-not-a-header = 先頭行が実行の見出しではありません
damage-item-count = 項目数が { $items } 件となっています。実行の項目は 1 ～ { $max } 件です
damage-out-of-order = { $line } 行目の番号が { $after } の次なのに { $numbered } です。行が欠けているか順番が乱れています
damage-neither = { $line } 行目は項目でも実行でもありません
damage-item-without-line = 項目 { $item } の行がありません
damage-ends-early = 項目に必要な { $of } 行のうち { $at } 行目で終わっています
damage-no-state = 実行の状態として読める行がありません
damage-no-items = 項目の一覧がありません
damage-item-not-object = 項目 { $item } がオブジェクトではありません
damage-old-state = 項目 { $item } の { $state } の状態: 「{ $said }」
damage-old-flag = 項目 { $item } の { $state } の状態: {"{"}"{ $key }": true または false{"}"} がありません
damage-unknown-change = 変更の種類（{ $kind }）が不明です

## 貼り付けた一覧をサーバーで解決した方法（ListNote）
list-note-looked-up = インベントリにない { $n } 件を、ID または名前でサーバーに問い合わせました: { $found } 件見つかりました。表示名はインベントリでしか見つかりません。インベントリを読み込むか、名前か ID で一覧にしてください。
list-note-read-live = { $why }。一覧を解決するため、{ $n } 件の対象をサーバーから直接読み込みました。
list-live-idp-owner-type = ZITADEL の ID プロバイダーはサーバーから直接読み込みます（リンクには IdP の所有者の種類が必要で、インベントリにはありません）
list-live-none-held = インベントリにはこのプロファイルの{ $kind }がありません
list-live-not-held = { $n } 件の項目がインベントリにありません

## 実行が操作を受け付けない理由（StateChange）。run-refuses-* はメインのカタログにあります
run-refused-nothing-to-undo = この実行で Lanyard が変更したものはないため、元に戻すものはありません
run-refused-undo-is-its-own-run = 実行を元に戻すと、取り消しの変更を新しい実行として計画します。「この実行を元に戻す」から操作してください
run-refused-without-profile = 変更を送信するには、この実行のプロファイルが必要です
run-refused-nothing-to-retry = この実行に失敗した項目はないため、再試行するものはありません

## 比較の行をコピーできない理由（NotCopyable）と、何も計画しなかったコピー
not-copyable-already-same = 両側ですでに同じです
not-copyable-none-named = 右側のテナントには「{ $name }」という名前{ $product ->
    [Auth0] の接続
    [ZITADEL] の ID プロバイダー
   *[other] のグループ
}がありません
not-copyable-several-named = 右側のテナントには「{ $name }」という名前{ $product ->
    [Auth0] の接続
    [ZITADEL] の ID プロバイダー
   *[other] のグループ
}が { $n } 件あり、どれか決められません
not-copied = 何も計画しませんでした。{ $rows }
not-copied-more = 何も計画しませんでした。{ $rows }。ほかに { $n } 件あります
not-copied-between = 。
not-copied-gone = { $target } · { $item }: 比較にもうありません。もう一度比較してください
not-copied-row = { $target } · { $item }: { $why }
