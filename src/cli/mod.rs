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

mod roster;

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
    /// 显示生效的配置 / show the configuration in force
    Config(ConfigArgs),
    /// 名册：建立、按公告更新 / the roster: build it, roll it forward through notices
    #[command(subcommand)]
    Roster(roster::RosterCommand),
}

#[derive(clap::Args, Debug)]
pub struct ConfigArgs {
    /// 显示合并后的设置 / print the resolved settings
    #[arg(long)]
    pub show: bool,
    /// 从此路径向上查找 gazette.toml（默认当前目录）/ where to start looking for gazette.toml
    pub path: Option<PathBuf>,
    /// 指定配置文件 / use this config file
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// 文件或目录；「-」表示标准输入 / files or directories; `-` reads standard input
    #[arg(required_unless_present = "sequential")]
    pub paths: Vec<PathBuf>,
    /// 名册（TOML）：检查前的实有代表、代表名单和在任职务 / a roster of the state before these notices
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// 按时间顺序逐版检查目录中的报纸版面，每版检查后把它应用到名册（只在内存中）/ check the pages of an archive one by one in file-name order, rolling the roster forward after each
    #[arg(long, value_name = "DIR", conflicts_with_all = ["fix", "diff", "paths"])]
    pub sequential: Option<PathBuf>,
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// 消息语言（默认 zh）/ message language (default zh)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// 达到此级别的问题使退出码为 1（默认 warning）/ the level at which findings make the exit code 1 (default warning)
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// 配置文件（默认从第一个路径向上查找 gazette.toml）/ config file (default: gazette.toml found upwards)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// 不读取任何配置文件 / read no config file
    #[arg(long)]
    pub isolated: bool,
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
    /// 把输出写入文件 / write the output to a file
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// 只列出各规则的问题数 / print the number of findings per rule instead
    #[arg(long)]
    pub statistics: bool,
    /// 标准输入的文件名（用于报告和配置查找）/ the name reported for standard input
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// 目录中要检查的文件（glob，可多次给出；默认 *.md、*.markdown、*.txt）/ files to check in directories
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// 自动修正可确定的问题并写回文件 / apply the certain fixes and write the files back
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// 只显示修正的差异，不写文件（有差异时退出码为 1）/ print the fixes as a diff, write nothing
    #[arg(long)]
    pub diff: bool,
    /// 修正时也写只读文件（文件仍为只读）/ with --fix, also write read-only files (they stay read-only)
    #[arg(long, requires = "fix")]
    pub force_write: bool,
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
    /// labelled excerpts for people
    Human,
    /// one line per finding: path:line:col: CODE message
    Concise,
    /// the versioned JSON schema of the README
    Json,
    /// SARIF 2.1.0 (GitHub code scanning)
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
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
        Command::Config(args) => show_config(args),
        Command::Roster(command) => roster::run(command),
    }
}

/// The config in force: `--config`, else gazette.toml found upwards from `start`.
fn config_for(
    explicit: Option<&Path>,
    start: &Path,
) -> Result<(Option<PathBuf>, crate::config::Config), String> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => crate::config::discover(start),
    };
    match path {
        Some(p) => crate::config::load(&p).map(|c| (Some(p), c)),
        None => Ok((None, crate::config::Config::default())),
    }
}

fn show_config(args: ConfigArgs) -> ExitCode {
    let start = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    match config_for(args.config.as_deref(), &start) {
        Ok((path, config)) => {
            let file = path.map_or(
                "（无，使用默认值）/ none, defaults".to_string(),
                |p| p.display().to_string(),
            );
            // `--show` is the only thing this command does yet; it is accepted for clarity.
            let _ = args.show;
            write_stdout(&format!(
                "# 配置文件 / config file: {file}\n{}",
                toml::to_string(&config).unwrap_or_default()
            ));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("gazette: {message}");
            ExitCode::from(2)
        }
    }
}

/// An error that stops the run before any file is checked, in the chosen format: machine
/// formats still get a document they can parse.
fn fatal(format: Format, message: &str) -> ExitCode {
    match format {
        Format::Json => write_stdout(&format!(
            "{}\n",
            serde_json::json!({
                "version": render::json::VERSION,
                "error": message,
                "files": [],
                "summary": { "files": 0, "errors": 0, "warnings": 0, "style": 0 },
            })
        )),
        Format::Sarif => write_stdout(&format!(
            "{}\n",
            render::sarif::render(&[], &[message.to_string()], Lang::Zh)
        )),
        Format::Github => write_stdout(&format!(
            "::error title=gazette::{}\n",
            message.replace('%', "%25").replace('\n', "%0A")
        )),
        Format::Human | Format::Concise => true,
    };
    eprintln!("gazette: {message}");
    ExitCode::from(2)
}

/// An input named on the command line or found in a directory.
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn name(&self, stdin_name: Option<&str>) -> String {
        match self {
            Input::Stdin => stdin_name.unwrap_or("<stdin>").to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
    /// Reads the input, refusing more than `limit` bytes: a file of hundreds of megabytes is
    /// not a notice, and reading it whole would only exhaust memory.
    fn read(&self, limit: u64) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        match self {
            Input::Stdin => {
                stdin_is_readable()?;
                std::io::stdin()
                    .take(limit.saturating_add(1))
                    .read_to_end(&mut bytes)?;
            }
            Input::File(p) => {
                let size = std::fs::metadata(p)?.len();
                if size > limit {
                    return Err(crate::files::too_big(size, limit));
                }
                // `take` hides the size from read_to_end: without this the buffer doubles
                // its way up and a 50 MB file holds 64 MB.
                bytes.reserve_exact(usize::try_from(size).unwrap_or(0).saturating_add(1));
                std::fs::File::open(p)?
                    .take(limit.saturating_add(1))
                    .read_to_end(&mut bytes)?;
            }
        }
        if bytes.len() as u64 > limit {
            return Err(crate::files::too_big(bytes.len() as u64, limit));
        }
        Ok(bytes)
    }

    fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::File(p) => Some(p),
        }
    }
}

/// A directory given as standard input is said plainly instead of failing with a bare EISDIR.
/// (A closed standard input cannot be told apart: Rust's runtime reopens a closed descriptor 0
/// on /dev/null before `main`, so it reads as an empty notice.)
fn stdin_is_readable() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = std::io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .map_err(|_| std::io::Error::other("标准输入已关闭 / standard input is closed"))?;
        let meta = std::fs::File::from(fd)
            .metadata()
            .map_err(|_| std::io::Error::other("标准输入已关闭 / standard input is closed"))?;
        if meta.is_dir() {
            return Err(std::io::Error::other(
                "标准输入是目录 / standard input is a directory",
            ));
        }
    }
    Ok(())
}

/// Files named on the command line are checked whatever their extension; directories
/// contribute their `*.md`, `*.markdown` and `*.txt` files (or those matching `--glob`),
/// honouring .gitignore and .gazetteignore.
fn collect_inputs(paths: &[PathBuf], globs: &[String], errors: &mut Vec<String>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut walk = ignore::WalkBuilder::new(path);
            walk.add_custom_ignore_filename(".gazetteignore");
            let matcher = if globs.is_empty() {
                None
            } else {
                let mut o = ignore::overrides::OverrideBuilder::new(path);
                for g in globs {
                    if let Err(e) = o.add(g) {
                        errors.push(format!("--glob {g}: {e}"));
                    }
                }
                o.build().ok()
            };
            let mut found: Vec<PathBuf> = walk
                .build()
                .filter_map(|entry| match entry {
                    Ok(e) => Some(e.into_path()),
                    Err(err) => {
                        errors.push(err.to_string());
                        None
                    }
                })
                .filter(|p| {
                    p.is_file()
                        && match &matcher {
                            Some(m) => m.matched(p, false).is_whitelist(),
                            None => has_notice_extension(p),
                        }
                })
                .collect();
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    // A file named twice, or named and found in a directory given too, is checked (and
    // fixed) once: the first time it appears.
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|input| match input {
        Input::Stdin => seen.insert(None),
        Input::File(p) => seen.insert(Some(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))),
    });
    inputs
}

fn has_notice_extension(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("md" | "txt" | "markdown")
    )
}

/// `--statistics`: how many findings per rule, most frequent first.
fn statistics(reports: &[FileReport]) -> String {
    let mut counts: Vec<(&str, &str, usize)> = Vec::new();
    for d in reports.iter().flat_map(|r| r.findings()) {
        match counts.iter_mut().find(|c| c.0 == d.code) {
            Some(c) => c.2 += 1,
            None => counts.push((d.code, d.name, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    counts
        .iter()
        .map(|(code, name, n)| format!("{n:>6}  {code}  {name}\n"))
        .collect()
}

fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

fn check(args: CheckArgs) -> ExitCode {
    let start = args
        .paths
        .iter()
        .find(|p| p.as_os_str() != "-")
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    let (_, config) = if args.isolated {
        (None, crate::config::Config::default())
    } else {
        match config_for(args.config.as_deref(), &start) {
            Ok(c) => c,
            Err(message) => return fatal(args.format, &message),
        }
    };
    // The config's values were checked when it was read (with their line and column).
    let fail_on = args.fail_on.unwrap_or(match config.fail_on {
        Some(crate::config::FailOnOption::Error) => FailOn::Error,
        Some(crate::config::FailOnOption::Style) => FailOn::Style,
        Some(crate::config::FailOnOption::Warning) | None => FailOn::Warning,
    });
    let lang_arg = args.lang.unwrap_or(match config.lang {
        Some(crate::config::LangOption::En) => LangArg::En,
        Some(crate::config::LangOption::Zh) | None => LangArg::Zh,
    });
    let roster_path = args.roster.clone().or(config.roster.clone());
    let roster = match &roster_path {
        Some(path) => match crate::roster::Roster::load(path) {
            Ok(r) => Some(std::sync::Arc::new(r)),
            Err(e) => {
                eprint!("{}", e.render(color_wanted()));
                return fatal(args.format, &e.to_string());
            }
        },
        None => None,
    };
    let selection = match build_settings(
        &config,
        &args.select,
        &args.ignore,
        args.profile.as_deref(),
        roster,
    ) {
        Ok(s) => s,
        Err(message) => return fatal(args.format, &message),
    };
    let lang = match lang_arg {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let mut io_errors = Vec::new();
    let paths = match &args.sequential {
        Some(dir) => vec![dir.clone()],
        None => args.paths.clone(),
    };
    let inputs = collect_inputs(&paths, &args.glob, &mut io_errors);
    if args.fix && inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        eprintln!("gazette: --fix 不能用于标准输入，请用 --diff 查看修正 / --fix cannot write to standard input; use --diff");
        return ExitCode::from(2);
    }
    // The report must never replace what it reports on.
    if let Some(out) = &args.output_file {
        if let Some(input) = inputs
            .iter()
            .filter_map(Input::path)
            .find(|p| crate::files::same_file(p, out))
        {
            return fatal(
                args.format,
                &format!(
                    "--output-file {} 是被检查的文件 {}，不能覆盖 / is one of the checked files; it would be overwritten",
                    out.display(),
                    input.display()
                ),
            );
        }
    }
    let mut read = Vec::new();
    let mut read_paths: Vec<Option<PathBuf>> = Vec::new();
    let limit = args.max_file_size.saturating_mul(1024 * 1024);
    let stdin_name = args.stdin_filename.as_deref();
    let mut unreadable: Vec<(String, String)> = Vec::new();
    for input in &inputs {
        let name = input.name(stdin_name);
        match input.read(limit) {
            Ok(bytes) => {
                read.push((name, bytes));
                read_paths.push(input.path().map(Path::to_path_buf));
            }
            Err(e) => {
                let message = match lang {
                    Lang::Zh => format!("无法读取 {name}：{e}"),
                    Lang::En => format!("cannot read {name}: {e}"),
                };
                io_errors.push(message.clone());
                unreadable.push((name, message));
            }
        }
    }
    // Files given together are one run: a series of notices may span them.
    let mut fix_failed = false;
    let reports = if args.diff || args.fix {
        let originals: Vec<Vec<u8>> = read.iter().map(|(_, b)| b.clone()).collect();
        let names: Vec<String> = read.iter().map(|(n, _)| n.clone()).collect();
        let run = crate::fix::fix_run(read, &selection);
        let mut on_disk = run.bytes.clone();
        let mut changed = 0;
        let mut diffs = String::new();
        for (i, original) in originals.iter().enumerate() {
            if let Some((_, e)) = run.errors.iter().find(|(f, _)| *f == i) {
                eprintln!("gazette: {}：{e}", names[i]);
                fix_failed = true;
                continue;
            }
            if run.bytes[i] == *original {
                continue;
            }
            if args.diff {
                changed += 1;
                diffs.push_str(&crate::fix::diff(
                    &names[i],
                    &run.first()[i].source,
                    &run.reports[i].source,
                ));
                continue;
            }
            let written = match &read_paths[i] {
                Some(path) => crate::fix::write_fixed(
                    path,
                    original,
                    &run.bytes[i],
                    crate::files::WriteOptions {
                        force_read_only: args.force_write,
                    },
                ),
                None => Err("标准输入无法写回 / standard input cannot be written".into()),
            };
            match written {
                Ok(()) => changed += 1,
                Err(e) => {
                    eprintln!("gazette: {}：{e}", names[i]);
                    fix_failed = true;
                    on_disk[i] = original.clone();
                }
            }
        }
        if args.diff {
            write_stdout(&diffs);
            for e in &io_errors {
                eprintln!("gazette: {e}");
            }
            let mut unreadable = false;
            for r in run.reports.iter().filter(|r| r.unreadable()) {
                unreadable = true;
                for d in r.findings() {
                    let message = match lang {
                        Lang::Zh => &d.message.zh,
                        Lang::En => &d.message.en,
                    };
                    eprintln!("gazette: {}：{} {message}", r.path, d.code);
                }
            }
            if !io_errors.is_empty() || fix_failed || unreadable {
                return ExitCode::from(2);
            }
            return ExitCode::from(u8::from(changed > 0));
        }
        eprintln!("gazette: 修正了 {changed} 个文件 / fixed {changed} file(s)");
        // What is left after fixing is reported as usual, from what is now on disk.
        if on_disk == run.bytes {
            run.reports
        } else {
            check_all(names.into_iter().zip(on_disk).collect(), &selection)
        }
    } else if args.sequential.is_some() {
        roster::check_sequentially(read, &selection)
    } else {
        check_all(read, &selection)
    };
    let to_file = args.output_file.is_some();
    let mut sink: Box<dyn Write> = match &args.output_file {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!(
                    "gazette: 无法写入 {} / cannot write it: {e}",
                    path.display()
                );
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    // Nothing could be read: people get the errors below, not 「checked 0 files, no problems」.
    let nothing_read = reports.is_empty() && !io_errors.is_empty();
    let written = if nothing_read && matches!(args.format, Format::Human | Format::Concise) {
        Ok(())
    } else if args.statistics {
        sink.write_all(statistics(&reports).as_bytes())
    } else {
        match args.format {
            Format::Human => {
                let options = render::human::Options {
                    lang,
                    color: !to_file && color_wanted(),
                    show_notes: args.explain_skipped,
                };
                let mut out = IoWrite(&mut sink, None);
                let _ = render::human::render_to(&mut out, &reports, &options);
                out.1.map_or(Ok(()), Err)
            }
            Format::Concise => sink.write_all(render::concise::render(&reports, lang).as_bytes()),
            Format::Json => sink.write_all(
                (render::json::render_with_errors(&reports, &unreadable, lang) + "\n").as_bytes(),
            ),
            Format::Sarif => sink
                .write_all((render::sarif::render(&reports, &io_errors, lang) + "\n").as_bytes()),
            Format::Github => sink.write_all(render::github::render(&reports, lang).as_bytes()),
        }
    };
    let flushed = written.and_then(|_| sink.flush());
    // A closed standard output (`| head`) is the reader's choice; a file that cannot be
    // written is an error.
    if let (Err(e), Some(path)) = (flushed, &args.output_file) {
        eprintln!(
            "gazette: 无法写入 {} / cannot write it: {e}",
            path.display()
        );
        return ExitCode::from(2);
    }
    // Machine formats carry read errors inside; people get them on stderr too.
    for e in &io_errors {
        eprintln!("gazette: {e}");
    }
    if !io_errors.is_empty() || fix_failed || reports.iter().any(FileReport::unreadable) {
        return ExitCode::from(2);
    }
    let level = fail_on.level();
    let failing = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= level);
    ExitCode::from(u8::from(failing))
}

/// Writes to standard output; a closed pipe (`| head`) is the reader's choice, not an
/// error, so it ends the output quietly. Returns whether everything was written.
pub(crate) fn write_stdout(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_ok()
}

/// `fmt::Write` over an `io::Write`, keeping the first I/O error (fmt errors carry none).
struct IoWrite<'a>(&'a mut dyn Write, Option<std::io::Error>);

impl std::fmt::Write for IoWrite<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write_all(s.as_bytes()).map_err(|e| {
            self.1.get_or_insert(e);
            std::fmt::Error
        })
    }
}

/// The settings of a run: the config's options merged with the flags (flags add to lists;
/// `--profile` replaces the config's).
pub(crate) fn build_settings(
    config: &crate::config::Config,
    select: &[String],
    ignore: &[String],
    profile: Option<&Path>,
    roster: Option<std::sync::Arc<crate::roster::Roster>>,
) -> Result<Settings, String> {
    let profile = match profile.or(config.profile.as_deref()) {
        Some(path) => Some(std::sync::Arc::new(load_profile(path)?)),
        None => None,
    };
    Ok(Settings {
        select: config.select.iter().chain(select).cloned().collect(),
        ignore: config.ignore.iter().chain(ignore).cloned().collect(),
        profile,
        severities: config
            .severity
            .iter()
            .map(|(k, v)| (k.to_ascii_uppercase(), v.severity()))
            .collect(),
        roster,
    })
}

/// Reads a user's profile; errors name the file, line and column.
fn load_profile(path: &Path) -> Result<crate::domain::profile::Profile, String> {
    let text = crate::files::read_utf8(path, crate::files::DEFAULT_LIMIT).map_err(|e| {
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
            eprintln!(
                "gazette: 无法读取 {}：{e} / cannot read it",
                input.name(None)
            );
            return ExitCode::from(2);
        }
    };
    let report = check_bytes(&input.name(None), &bytes, &Settings::default());
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
    let ctx = crate::check::Context::new(
        &settings,
        &report.path,
        &report.source,
        &report.document,
        &report.facts,
    );
    let tree = Tree {
        version: render::json::VERSION,
        path: &report.path,
        encoding: report.encoding.map(|e| e.name()),
        document: &report.document,
        transfers: crate::check::personnel::transfers(&ctx),
    };
    match args.format {
        ParseFormat::Json => {
            write_stdout(&format!(
                "{}\n",
                serde_json::to_string_pretty(&tree).unwrap_or_default()
            ));
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
            let mut list = String::new();
            for rule in RULES {
                let off = if rule.enabled_by_default {
                    ""
                } else {
                    " (默认关闭 / off by default)"
                };
                list.push_str(&format!(
                    "{}  {:<28} {:<8} {}{}\n",
                    rule.code,
                    rule.name,
                    rule.severity.as_str(),
                    rule.summary,
                    off
                ));
            }
            write_stdout(&list);
            ExitCode::SUCCESS
        }
        Some(key) => match find_rule(&key) {
            Some(rule) => {
                write_stdout(&format!(
                    "# {} {} ({})\n\n{}\n\n{}",
                    rule.code,
                    rule.name,
                    rule.severity.as_str(),
                    rule.summary,
                    rule.explanation
                ));
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
