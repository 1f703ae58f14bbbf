//! The command line: argument definitions and dispatch. Exit codes: 0 no findings at the
//! failing level, 1 findings, 2 usage or I/O error (and undecodable input, GZ001).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::check::{find_rule, Settings, RULES};
use crate::diagnostic::{Lang, Severity};
use crate::render;
use crate::report::{check_all, check_bytes, FileReport};

#[derive(Parser, Debug)]
#[command(
    name = "gazette",
    version,
    about = "检查人大常委会公告（代表资格公告、任免名单、决定）/ check people's-congress standing-committee notices"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 检查公告草稿或整版报纸 / check drafts or gazette pages
    Check(CheckArgs),
    /// 输出语法树 / print the syntax tree
    Parse(ParseArgs),
    /// 说明一条规则；不带参数时列出全部规则 / explain a rule, or list them all
    Explain(ExplainArgs),
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// 文件或目录；「-」表示标准输入 / files or directories; `-` reads standard input
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// 消息语言 / message language
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub lang: LangArg,
    /// 达到此级别的问题使退出码为 1 / the level at which findings make the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// 另外启用的规则（代码或前缀，如 GZ104）/ rules to enable in addition (code or prefix)
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// 不运行的规则（代码或前缀，如 GZ1）/ rules not to run (code or prefix)
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// 同时列出无法核对的内容及原因 / also list what could not be verified, and why
    #[arg(long)]
    pub explain_skipped: bool,
    /// 辖区配置文件（TOML），代替内置的直辖市、省配置 / a jurisdiction profile (TOML) instead of the built-in ones
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// 单个文件的大小上限（MB）/ the largest file checked, in MB
    #[arg(long, value_name = "MB", default_value_t = 64)]
    pub max_file_size: u64,
}

#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// 文件；「-」表示标准输入 / a file; `-` reads standard input
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
    pub format: ParseFormat,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// 规则代码或名称，如 GZ303 或 entry-punctuation / a rule code or name
    pub rule: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseFormat {
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Style,
}

impl FailOn {
    fn level(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Style => Severity::Style,
        }
    }
}

/// Runs the command; the caller turns the result into the process's exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Parse(args) => parse(args),
        Command::Explain(args) => explain(args),
    }
}

/// An input named on the command line or found in a directory.
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
    /// Reads the input, refusing more than `limit` bytes: a file of hundreds of megabytes is
    /// not a notice, and reading it whole would only exhaust memory.
    fn read(&self, limit: u64) -> std::io::Result<Vec<u8>> {
        let too_big = |size: u64| {
            std::io::Error::other(format!(
                "有 {} MB，超过上限 {} MB（--max-file-size）/ larger than the limit",
                size.div_ceil(1024 * 1024),
                limit / (1024 * 1024)
            ))
        };
        let mut bytes = Vec::new();
        match self {
            Input::Stdin => {
                std::io::stdin().take(limit + 1).read_to_end(&mut bytes)?;
            }
            Input::File(p) => {
                let size = std::fs::metadata(p)?.len();
                if size > limit {
                    return Err(too_big(size));
                }
                std::fs::File::open(p)?
                    .take(limit + 1)
                    .read_to_end(&mut bytes)?;
            }
        }
        if bytes.len() as u64 > limit {
            return Err(too_big(bytes.len() as u64));
        }
        Ok(bytes)
    }
}

/// Files named on the command line are checked whatever their extension; directories
/// contribute their `*.md` and `*.txt` files, honouring .gitignore.
fn collect_inputs(paths: &[PathBuf], errors: &mut Vec<String>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
                .build()
                .filter_map(|entry| match entry {
                    Ok(e) => Some(e.into_path()),
                    Err(err) => {
                        errors.push(err.to_string());
                        None
                    }
                })
                .filter(|p| p.is_file() && has_notice_extension(p))
                .collect();
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs
}

fn has_notice_extension(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("md" | "txt" | "markdown")
    )
}

fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

fn check(args: CheckArgs) -> ExitCode {
    let profile = match &args.profile {
        Some(path) => match load_profile(path) {
            Ok(p) => Some(std::sync::Arc::new(p)),
            Err(message) => {
                eprintln!("gazette: {message}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let selection = Settings {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        profile,
    };
    let lang = match args.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let mut io_errors = Vec::new();
    let inputs = collect_inputs(&args.paths, &mut io_errors);
    let mut read = Vec::new();
    let limit = args.max_file_size.saturating_mul(1024 * 1024);
    for input in &inputs {
        match input.read(limit) {
            Ok(bytes) => read.push((input.name(), bytes)),
            Err(e) => io_errors.push(match lang {
                Lang::Zh => format!("无法读取 {}：{e}", input.name()),
                Lang::En => format!("cannot read {}: {e}", input.name()),
            }),
        }
    }
    // Files given together are one run: a series of notices may span them.
    let reports = check_all(read, &selection);
    let output = match args.format {
        Format::Human => render::human::render(
            &reports,
            &render::human::Options {
                lang,
                color: color_wanted(),
                show_notes: args.explain_skipped,
            },
        ),
        Format::Json => render::json::render(&reports, lang) + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(output.as_bytes());
    let _ = stdout.flush();
    for e in &io_errors {
        eprintln!("gazette: {e}");
    }
    if !io_errors.is_empty() || reports.iter().any(FileReport::unreadable) {
        return ExitCode::from(2);
    }
    let level = args.fail_on.level();
    let failing = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= level);
    ExitCode::from(u8::from(failing))
}

/// Reads a user's profile; errors name the file, line and column.
fn load_profile(path: &Path) -> Result<crate::domain::profile::Profile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "无法读取辖区配置 {} / cannot read the profile: {e}",
            path.display()
        )
    })?;
    crate::domain::profile::Profile::from_toml(&text).map_err(|e| {
        let at = e.span.map(|s| {
            let index = crate::source::LineIndex::new(&text);
            let p = index.position(&text, s.start);
            format!(":{}:{}", p.line, p.column)
        });
        format!(
            "辖区配置有误 / invalid profile {}{}: {}",
            path.display(),
            at.unwrap_or_default(),
            e.message
        )
    })
}

fn parse(args: ParseArgs) -> ExitCode {
    let input = if args.path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.path.clone())
    };
    let bytes = match input.read(64 * 1024 * 1024) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("gazette: 无法读取 {}：{e} / cannot read it", input.name());
            return ExitCode::from(2);
        }
    };
    let report = check_bytes(&input.name(), &bytes, &Settings::default());
    #[derive(serde::Serialize)]
    struct Tree<'a> {
        version: u32,
        path: &'a str,
        encoding: Option<&'static str>,
        #[serde(flatten)]
        document: &'a crate::ast::Document,
        /// People who leave one post and take another in this document.
        transfers: Vec<crate::check::personnel::Transfer>,
    }
    let settings = Settings::default();
    let ctx = crate::check::Context {
        settings: &settings,
        path: &report.path,
        source: &report.source,
        document: &report.document,
        input: &report.facts,
    };
    let tree = Tree {
        version: render::json::VERSION,
        path: &report.path,
        encoding: report.encoding.map(|e| e.name()),
        document: &report.document,
        transfers: crate::check::personnel::transfers(&ctx),
    };
    match args.format {
        ParseFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&tree).unwrap_or_default()
            );
        }
    }
    if report.unreadable() {
        for d in &report.diagnostics {
            eprintln!("gazette: {} {}", d.code, d.message.zh);
        }
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn explain(args: ExplainArgs) -> ExitCode {
    match args.rule {
        None => {
            for rule in RULES {
                let off = if rule.enabled_by_default {
                    ""
                } else {
                    " (默认关闭 / off by default)"
                };
                println!(
                    "{}  {:<28} {:<8} {}{}",
                    rule.code,
                    rule.name,
                    rule.severity.as_str(),
                    rule.summary,
                    off
                );
            }
            ExitCode::SUCCESS
        }
        Some(key) => match find_rule(&key) {
            Some(rule) => {
                println!(
                    "# {} {} ({})\n",
                    rule.code,
                    rule.name,
                    rule.severity.as_str()
                );
                println!("{}", rule.summary);
                println!();
                print!("{}", rule.explanation);
                ExitCode::SUCCESS
            }
            None => {
                eprintln!(
                    "gazette: 没有规则「{key}」/ no rule `{key}`; `gazette explain` lists them"
                );
                ExitCode::from(2)
            }
        },
    }
}
