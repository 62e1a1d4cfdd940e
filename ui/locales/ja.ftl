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

## Auth0 pages
auth0-org = 組織
auth0-org-search = 組織を名前で検索
auth0-org-none-matches = 一致する組織はありません。
auth0-pick-org = 組織を選ぶと、その組織で有効な接続が表示されます。
enable-pick-connection = 接続を選んでください。
enable-form = 接続を有効にする
enable-connection = 接続
enable-connection-search = 接続を名前または種類で検索
enable-name-hint = 1〜50 文字。組織の管理者にアクセスレベルを与える前に必要です。
enable-enabled = 有効
enable-enabled-hint = オフにすると、関連付けとオプションは残りますが、接続は提示されません。
action-preview = プレビュー
edit-form = 接続のオプションを編集
edit-title = { $name } を編集
edit-org-connection-name = 組織での接続名
edit-button-enterprise-only = 非表示にできるのはエンタープライズ接続だけです。
edit-signup-database-only = サインアップはデータベース接続にのみ適用されます。
conn-tab-connections = 接続
conn-tab-history = 履歴
conn-filter = 接続を絞り込む
conn-close-form = フォームを閉じる
conn-enable = 接続を有効にする
conn-none = この組織で有効な接続はまだありません。
conn-caption = 組織の接続
conn-strategy = 種類
conn-button = ボタン
conn-membership = ログイン時のメンバー化
conn-signup = サインアップ
conn-access-level = アクセスレベル
conn-org-name = 組織での接続名
conn-actions = 操作
yes = はい
no = いいえ
conn-disabled = 無効
conn-edit = 編集
conn-disable-action = 無効にする
conn-enable-action = 有効にする
conn-remove = 削除
history-of = { $org } の履歴
history-only-lanyard = Lanyard が行った変更だけを表示しています。
history-none-lanyard = Lanyard はこの組織の接続を変更していません。
history-none = テナントのログにも Lanyard の監査ログにも、この組織の接続の変更はありません。
history-when = 日時
history-source = 記録元
history-who = 実行者
history-what = 内容
history-an-admin = 管理者
history-dashboard-admin = ダッシュボード管理者
history-application = アプリケーション
history-an-application = アプリケーション
history-tenant-log-title = テナント自身のログ（GET /api/v2/logs）
history-tenant-log = Auth0 ログ
history-connection = 接続: { $connection }
history-lanyard-log-title = Lanyard の監査ログ
history-lanyard-user = Lanyard のユーザー
history-profile = プロファイル { $profile }
history-someone-here = このコンピューターのユーザー

## ZITADEL and Hub pages
zitadel-policy-of = ログインポリシーの対象
zitadel-instance-option = インスタンス（独自のポリシーを持たないすべての組織の既定）
zitadel-uses-default = この組織はインスタンスの既定のログインポリシーを使っているため、インスタンスの ID プロバイダーが表示されます。ここでリンクすると、組織に独自のポリシーを作るか、インスタンスの既定にリンクするかを最初に尋ねます。リンク解除には組織独自のポリシーが必要です。
zitadel-linked = リンク済みの ID プロバイダー
zitadel-none-linked = リンクされた ID プロバイダーはありません。
col-name = 名前
col-type = 種類
col-state = 状態
zitadel-unlink = リンク解除
zitadel-available = 利用できる ID プロバイダー
search-by-name = 名前で検索
zitadel-search-idps = ID プロバイダーを検索
zitadel-active = 有効
zitadel-inactive = 無効
zitadel-is-linked = リンク済み
zitadel-link = リンク
hub-auth-module = 認証モジュール
what-auth-modules = 認証モジュール
hub-no-modules = この Hub には認証モジュールがありません。
hub-module-disabled = { $name }（{ $kind }、無効）
hub-users = { $n } 人のユーザー
hub-already-auto-join = すでに自動参加グループです
hub-add-group = 自動参加グループを追加
hub-search-groups = グループを名前で検索
hub-no-group-matches = 一致するグループはありません。
hub-no-auto-join = このモジュールは新しいユーザーをどのグループにも追加しません。
hub-group = グループ
hub-users-col = ユーザー数

## Profiles page
profiles-removed = プロファイル { $name } とキーチェーンの項目を削除しました
profiles-testing = テスト中…
profiles-test-missing = { $message } 不足: { $missing }
profiles-loading = 読み込み中…
profiles-settings-set-aside = 設定ファイルを読み込めなかったため { $path } に移動しました。プロファイルを追加し直す必要があるかもしれません。
profiles-address = アドレス
profiles-environment = 環境
profiles-test = 接続をテスト
profiles-hide-sandbox = 組み込みのサンドボックス用プロファイルを隠す
profiles-remove-title = プロファイル { $name } を削除しますか？
profiles-remove-body = Lanyard はこのプロファイルを忘れ、シークレットをシステムのキーチェーンから削除します。テナント自体は変更されません。
profiles-sandbox-started = サンドボックスを起動しました。3 つのプロファイルが一覧にあります
profiles-try-sandbox = サンドボックスを試す
profiles-sandbox-hint = このコンピューター上で、このセッションの間だけ動く Auth0・ZITADEL・Hub の代役です。本物のテナントには何も届きません。
profiles-saved = プロファイル { $name } を保存しました
profiles-added = プロファイル { $name } を追加しました
profiles-edit-title = プロファイル { $name } を編集
profiles-add-title = プロファイルを追加
profiles-name-placeholder = Acme 本番
profiles-address-hint = Auth0: テナントのドメイン。ZITADEL: インスタンスの URL。Hub: Hub サービスの URL。
profiles-client-id = クライアント ID（マシン間アプリケーション）
profiles-secret-hint = システムのキーチェーンにだけ保存され、ファイルやログには残りません。編集時に空欄のままにすると保存済みのものを使います（アドレスを変えた場合は新しいシークレットが必要です）。
profiles-env-production = 本番（削除の前にテナント名の入力を求めます）
profiles-saving = 保存中…
profiles-save-changes = 変更を保存
profiles-add = プロファイルを追加
profiles-secret = シークレット（クライアントシークレット、個人アクセストークン、または永続トークン）
