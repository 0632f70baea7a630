//! The `relations` command line: output, errors and exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn relations(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relations"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.stdin.take(); // close standard input
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn analyzes_a_file_and_stdin() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/www/seed-article.txt");
    let (code, out, _) = relations(&["analyze", seed], None);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["quotes"].as_array().unwrap().len() >= 8);
    assert_eq!(out.lines().count(), 1, "compact by default");

    let (code, out, _) = relations(
        &["analyze", "-", "--pretty"],
        Some("“Hello,” he said.".as_bytes()),
    );
    assert_eq!(code, 0);
    assert!(out.lines().count() > 1, "indented with --pretty");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["quotes"][0]["text"], "Hello,");
}

#[test]
fn input_errors_exit_1_with_one_line() {
    let cases: &[(&[&str], Option<&[u8]>, &str)] = &[
        (&["analyze", "/no/such/file.txt"], None, "cannot read"),
        (&["analyze", "-"], Some(b"caf\xe9 au lait"), "not UTF-8"),
        (&["analyze", "-"], Some(b"  \n\t "), "empty"),
    ];
    for (args, stdin, needle) in cases {
        let (code, out, err) = relations(args, *stdin);
        assert_eq!(code, 1, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
    }
}

#[test]
fn bad_usage_exits_2_with_usage() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["analyze"][..],
        &["analyze", "a", "b"][..],
        &["analyze", "x", "--bogus"][..],
    ] {
        let (code, _, err) = relations(args, None);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("usage: relations analyze"), "{err}");
    }
    let (code, out, _) = relations(&["--help"], None);
    assert_eq!(code, 0);
    assert!(out.contains("usage:"));
}
