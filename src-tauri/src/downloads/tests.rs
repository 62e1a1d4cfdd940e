//! The file names, the folder, the origin check and the window's question.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

#[test]
fn a_suggested_name_keeps_only_its_last_component_and_no_leading_dots() {
    assert_eq!(safe_name("lanyard-activity.csv"), "lanyard-activity.csv");
    assert_eq!(safe_name("../../.bashrc"), "bashrc");
    assert_eq!(safe_name("..\\..\\evil.exe"), "evil.exe");
    assert_eq!(safe_name("/etc/passwd"), "passwd");
    assert_eq!(safe_name("  ...hidden.json"), "hidden.json");
    assert_eq!(safe_name("a\u{0}b\nc:d?.csv"), "a_b_c_d_.csv");
    assert_eq!(safe_name("report.csv. . "), "report.csv");
    assert_eq!(safe_name(""), "download");
    assert_eq!(safe_name(".."), "download");
    assert_eq!(safe_name("dir/"), "download");
    assert_eq!(safe_name("CON.csv"), "_CON.csv");
    assert_eq!(safe_name("com1"), "_com1");
    assert_eq!(safe_name("Compare.csv"), "Compare.csv");
}

#[test]
fn a_long_name_is_cut_keeping_its_extension() {
    let long = format!("{}.csv", "é".repeat(300));
    let name = safe_name(&long);
    assert_eq!(name.chars().count(), MAX_NAME_CHARS);
    assert!(name.ends_with("é.csv"), "{name}");
    let odd = format!("a.{}", "x".repeat(300));
    assert_eq!(safe_name(&odd).chars().count(), MAX_NAME_CHARS);
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let first = free_path(dir.path(), "acme.csv", Path::exists).unwrap();
    assert_eq!(first, dir.path().join("acme.csv"));
    std::fs::write(&first, "one").unwrap();
    let second = free_path(dir.path(), "acme.csv", Path::exists).unwrap();
    assert_eq!(second, dir.path().join("acme (1).csv"));
    std::fs::write(&second, "two").unwrap();
    assert_eq!(
        free_path(dir.path(), "acme.csv", Path::exists).unwrap(),
        dir.path().join("acme (2).csv")
    );
    std::fs::write(dir.path().join("notes"), "").unwrap();
    assert_eq!(
        free_path(dir.path(), "notes", Path::exists).unwrap(),
        dir.path().join("notes (1)")
    );
    assert_eq!(free_path(dir.path(), "x.csv", |_| true), None);
}

#[test]
fn only_the_pages_own_blob_urls_may_download() {
    let linux = Url::parse("tauri://localhost/").unwrap();
    let windows = Url::parse("http://tauri.localhost/index.html").unwrap();
    let own = |u: &str, page: &Url| is_own_blob(&Url::parse(u).unwrap(), page);
    assert!(own("blob:tauri://localhost/6c1e6b0e-9f0a-4b5e", &linux));
    assert!(own("blob:http://tauri.localhost/6c1e6b0e", &windows));
    assert!(!own("blob:http://tauri.localhost/6c1e6b0e", &linux));
    assert!(!own("blob:https://evil.example/6c1e", &linux));
    assert!(!own("blob:tauri://localhost.evil.example/6c1e", &linux));
    assert!(!own("https://evil.example/file.csv", &linux));
    assert!(!own("tauri://localhost/file.csv", &linux));
    assert!(!own("data:text/csv,a,b", &linux));
    assert!(!own("blob:null/6c1e", &linux));
}

#[test]
fn the_folder_is_shown_from_home() {
    let home = Path::new("/home/ann");
    assert_eq!(
        shown(Path::new("/home/ann/Downloads"), Some(home)),
        "~/Downloads"
    );
    assert_eq!(shown(home, Some(home)), "~");
    assert_eq!(shown(Path::new("/srv/x"), Some(home)), "/srv/x");
    let folders = Folders {
        downloads: None,
        home: Some(home.to_path_buf()),
    };
    assert_eq!(folders.target(), (home.to_path_buf(), "~".to_owned()));
}

#[tokio::test]
async fn the_window_hears_how_its_download_ended() {
    let downloads = std::sync::Arc::new(Downloads::default());
    let dir = tempfile::tempdir().unwrap();
    let folders = Folders {
        downloads: Some(dir.path().join("Downloads")),
        home: Some(dir.path().to_path_buf()),
    };
    let page = Url::parse("tauri://localhost/").unwrap();
    let url = Url::parse("blob:tauri://localhost/1234").unwrap();
    let mut destination = PathBuf::from("/somewhere/else/../../.acme.csv");
    let asked = downloads.clone();
    let waiting = tokio::spawn(async move {
        asked
            .result("blob:tauri://localhost/1234", Duration::from_secs(5))
            .await
    });
    assert!(downloads.on_event(
        Some(&page),
        &folders,
        DownloadEvent::Requested {
            url: url.clone(),
            destination: &mut destination,
        },
    ));
    assert_eq!(destination, dir.path().join("Downloads").join("acme.csv"));
    std::fs::write(&destination, "a,b\n").unwrap();
    downloads.on_event(
        Some(&page),
        &folders,
        DownloadEvent::Finished {
            url,
            path: Some(destination.clone()),
            success: true,
        },
    );
    let outcome = waiting.await.unwrap();
    assert!(outcome.saved, "{outcome:?}");
    assert_eq!(
        (outcome.file_name.as_str(), outcome.folder.as_str()),
        ("acme.csv", "~/Downloads")
    );

    let mut elsewhere = PathBuf::from("/tmp/x.csv");
    let foreign = Url::parse("https://evil.example/x.csv").unwrap();
    assert!(!downloads.on_event(
        Some(&page),
        &folders,
        DownloadEvent::Requested {
            url: foreign,
            destination: &mut elsewhere,
        },
    ));
    let none = downloads
        .result("blob:tauri://localhost/9", Duration::from_millis(50))
        .await;
    assert!(!none.saved && none.error.is_some(), "{none:?}");
}
