//! Exports land in the user's Downloads folder (here the harness's `XDG_DOWNLOAD_DIR`, in the
//! temp home), never over an existing file, and a toast says where.

use lanyard_e2e::with_app;

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn the_activity_log_exported_twice_is_two_files_in_downloads() {
    with_app("activity_export", async |app| {
        app.wait_text("#profile-switcher", |t| t.contains("Sandbox"))
            .await?;
        // Two entries in the audit log, as earlier changes would have left them.
        let entry = |operation: &str, target: &str| {
            serde_json::json!({
                "time": "2026-11-23T10:00:00Z", "profile_id": "p1", "profile_name": "Acme",
                "product": "hub", "operation": operation,
                "targets": [{"kind": "auth_module", "id": target, "name": target}],
                "request": null,
                "outcome": "success", "who": "alice"
            })
            .to_string()
        };
        let data = app.home.path().join("data");
        std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
        let log = format!(
            "{}\n{}\n",
            entry("add_auto_join_group", "module-one"),
            entry("remove_auto_join_group", "module-two")
        );
        std::fs::write(data.join("audit.jsonl"), log).map_err(|e| e.to_string())?;

        app.click("#nav-activity").await?;
        app.wait_text("[data-testid=activity]", |t| t.contains("module-two"))
            .await?;
        let folder = app.downloads().display().to_string();

        app.click("#export-csv").await?;
        let said = format!("Saved lanyard-activity.csv to {folder}.");
        app.wait_text("[data-testid=toast]", |t| t.contains(&said))
            .await?;
        let csv = app.downloaded("lanyard-activity.csv").await?;
        let lines: Vec<&str> = csv.lines().collect();
        if lines.len() != 3
            || !lines[0].starts_with("time,who,profile")
            || !csv.contains("module-one")
            || !csv.contains("module-two")
            || !csv.contains("alice")
        {
            return Err(format!("the saved CSV is not the log: {csv:?}"));
        }
        if std::path::Path::new("lanyard-activity.csv").exists() {
            return Err("the export was also saved in the working folder".into());
        }
        app.click("[data-testid=toast] .toast-close").await?;

        // A second export keeps the first file and is saved beside it.
        app.click("#export-csv").await?;
        let said = format!("Saved lanyard-activity (1).csv to {folder}.");
        app.wait_text("[data-testid=toast]", |t| t.contains(&said))
            .await?;
        let again = app.downloaded("lanyard-activity (1).csv").await?;
        if again != csv {
            return Err(format!("the second export differs: {again:?}"));
        }
        let first = app.downloaded("lanyard-activity.csv").await?;
        if first != csv {
            return Err("the first export was overwritten".into());
        }
        Ok(())
    })
    .await;
}
