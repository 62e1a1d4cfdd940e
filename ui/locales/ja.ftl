## Lanyard のユーザーインターフェース（日本語）。キーは en.ftl と同じで、引数も同じです。

## The frame
app-version-unknown = バージョン不明
app-language = 言語
app-profile-of = { $product } のプロファイル
env-production-badge = 本番
env-production = 本番
env-staging = ステージング
env-development = 開発
env-sandbox = サンドボックス
nav-sections = セクション
product-tabs = 製品
toast-region = 通知
toast-close = 閉じる
no-profile = { $product } のプロファイルが設定されていません。
no-profile-hint = プロファイルページで追加するか、組み込みのサンドボックス用プロファイルを表示してください。

## Pages
page-inventory = インベントリ
page-bulk = 一括変更
page-make-like = 同じ構成にする
page-compare = 比較
page-activity = アクティビティ
page-profiles = プロファイル
page-auth0-subtitle = 組織と、組織で有効な接続
page-zitadel-subtitle = ログインポリシーの ID プロバイダー
page-hub-subtitle = 認証モジュールと自動参加グループ
page-inventory-subtitle = すべての対象の構成を一度読み込んで最新に保ち、テナント全体への質問にすぐ答えます
page-bulk-subtitle = 多数の組織・ID プロバイダー・認証モジュールに同じ変更を、API の上限に合わせたペースで適用します
page-make-like-subtitle = 組織・ログインポリシー・認証モジュールを別のものと同じ構成にします（対象ごとに計画）
page-compare-subtitle = 同じ製品の 2 つのプロファイル、またはスナップショットファイルとプロファイルを名前で照合し、差分をコピーします
page-activity-subtitle = Lanyard が行ったすべての変更（新しい順）
page-profiles-subtitle = Lanyard が管理するテナントとインスタンス

## Common actions
action-cancel = キャンセル
action-working = 処理中…
action-retry = 再試行
confirm-typed-before = これは本番用プロファイルです。確認のため{" "}
confirm-typed-after = {" "}と入力してください。

## Loading
load-loading = { $what }を読み込んでいます…
load-failed = { $what }を読み込めませんでした: { $cause }

## Time and counts
time-under-a-minute = 1 分未満
time-s = { $s } 秒
time-min = { $m } 分
time-min-s = { $m } 分 { $s } 秒
time-h = { $h } 時間
time-h-min = { $h } 時間 { $m } 分
time-days = { $d } 日
time-ago = { $age }前
count-orgs = { $n } 件の組織

## Change dialog and small components
what-organizations = 組織
what-org-history = 組織の履歴
what-connections = 接続
what-idps = ID プロバイダー
what-login-policy = ログインポリシー
what-auto-join-groups = 自動参加グループ
what-answer = 回答
change-back-to = ← 戻る: { $change }
change-back-to-choice = ← 選択に戻る
action-undo = 元に戻す
change-applied-no-audit = { $summary }。適用しましたが、監査ログに記録できませんでした: { $cause }
change-preparing = 変更を準備しています…
change-reading-state = サーバーから現在の状態を読み込んでいます。
change-cannot-prepare = この変更は準備できません
change-no-op = すでにこの状態です。適用しても何も変わりません。
change-after-choice = 送信内容は選択後に表示されます。
change-will-send = 送信する内容
change-now = 現在
change-after = 適用後
change-needs-choice = 上でリンク方法を選んでください。選ぶまで何も送信されません。
change-applying = 適用中…
change-apply = 適用
export-not-saved = エクスポートを保存できませんでした: { $cause }。
access-level = 組織のアクセスレベル
org-scope-org = 組織 { $name }

## Fields, pickers and the enable options
picker-searching = 検索中…
picker-nothing-matches = 一致するものはありません。
listing-from-inventory = インベントリから（{ $age }前）
listing-reload-live = 最新を読み込む
listing-read-live = 最新を読み込み済み
listing-use-inventory = インベントリを使う
what-tenant-connections = テナントの接続
enable-already-enabled = { $strategy } · 有効化済み
enable-org-connection-name = 組織での接続名（任意）
enable-assign-membership = ログイン時にメンバーにする
enable-assign-membership-hint = この接続でログインしたすべてのユーザーが組織のメンバーになります。
enable-show-as-button = ログイン画面にボタンとして表示する
enable-button-enterprise-only = 非表示にできるのはエンタープライズ接続だけです。これは{ $kind }接続で、表示は Auth0 が決めます。
enable-allow-signup = サインアップを許可する
enable-signup-database-only = サインアップはデータベース接続にのみ適用されます。これは{ $kind }接続です。

## Kinds of connection
strategy-database = データベース
strategy-social = ソーシャル
strategy-enterprise = エンタープライズ
strategy-passwordless = パスワードレス

## Inventory-first searches
search-from-inventory-more = インベントリから（{ $age }前）· 先頭 { $limit } 件を表示中。絞り込むにはさらに入力してください
search-live = 最新を検索
search-searched-live = 最新を検索済み
search-inventory = インベントリを検索
search-not-in-inventory = 完了したクロールがないためインベントリにありません。最新を検索しました
search-failed = 検索できませんでした: { $cause }
