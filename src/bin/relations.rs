//! `relations analyze FILE [--pretty]`: print the analysis of an article as JSON.

use std::io::{Read, Write};
use std::process::ExitCode;

use relations_widget::{analyze, Options};

const USAGE: &str = "usage: relations analyze FILE [--pretty] [--pair A,B] [--date YYYY-MM-DD]
  FILE          a UTF-8 text file, or - for standard input
  --pretty      indent the JSON
  --pair A,B    the two countries the relationship is about
  --date DATE   the article's publication date";

struct Args {
    file: String,
    pretty: bool,
    options: Options,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("analyze") => {}
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("missing command".into()),
    }
    let mut file = None;
    let mut pretty = false;
    let mut options = Options::new();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pretty" => pretty = true,
            "--pair" => {
                let v = it.next().ok_or("--pair needs a value")?;
                let (x, y) = v
                    .split_once(',')
                    .ok_or("--pair takes two names separated by a comma")?;
                options = options.pair(x.trim(), y.trim());
            }
            "--date" => options = options.date(it.next().ok_or("--date needs a value")?.as_str()),
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`")),
            s if file.is_none() => file = Some(s.to_string()),
            s => return Err(format!("unexpected argument `{s}`")),
        }
    }
    let file = file.ok_or("missing FILE")?;
    Ok(Args {
        file,
        pretty,
        options,
    })
}

fn read_input(file: &str) -> Result<String, String> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{file} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("relations: {msg}");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = read_input(&args.file)
        .and_then(|text| analyze(&text, &args.options).map_err(|e| e.to_string()))
        .and_then(|analysis| {
            let json = if args.pretty {
                serde_json::to_string_pretty(&analysis)
            } else {
                serde_json::to_string(&analysis)
            };
            json.map_err(|e| format!("cannot write JSON: {e}"))
        });
    match result {
        Ok(json) => {
            let mut out = std::io::stdout().lock();
            if writeln!(out, "{json}").is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("relations: {msg}");
            ExitCode::from(1)
        }
    }
}
