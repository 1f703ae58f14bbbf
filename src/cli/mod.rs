//! The command line: argument definitions and dispatch. Exit codes: 0 no findings at the
//! failing level, 1 findings, 2 usage or I/O error (and undecodable input, GZ001).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::check::{find_rule, known_selector, RuleSelection, Settings, RULES};
use crate::diagnostic::{Lang, Severity};
use crate::render;
use crate::report::{check_all, check_all_counted, check_bytes, FileReport};

mod progress;
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
    /// 语言服务器（LSP，标准输入输出）/ a language server (LSP over stdio)
    Server,
    /// 输出 shell 补全脚本 / print a shell completion script
    Completions(CompletionsArgs),
    /// 输出 man 手册页（roff）/ print the man page (roff)
    Manpage,
}

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// bash、zsh、fish、elvish 或 powershell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    /// 文件或目录；「-」表示标准输入；不给时检查当前目录 / files or directories; `-` reads standard input; none: the current directory
    pub paths: Vec<PathBuf>,
    /// 名册（TOML）：检查前的实有代表、代表名单和在任职务 / a roster of the state before these notices
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// 按时间顺序逐版检查目录中的报纸版面，每版检查后把它应用到名册（只在内存中）/ check the pages of an archive one by one in file-name order, rolling the roster forward after each
    #[arg(long, value_name = "DIR", conflicts_with_all = ["fix", "diff", "paths", "each_file"])]
    pub sequential: Option<PathBuf>,
    /// 输出格式 / output format
    #[arg(long = "output-format", visible_alias = "format", value_enum, default_value_t = Format::Human)]
    pub output_format: Format,
    /// 消息语言（默认 zh）/ message language (default zh)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// 达到此级别的问题使退出码为 1（默认 warning）/ the level at which findings make the exit code 1 (default warning)
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// 有问题时退出码仍为 0（用法错误、读不了的文件仍为 2）/ exit 0 even with findings (2 stays for errors)
    #[arg(long)]
    pub exit_zero: bool,
    /// 配置文件（默认从第一个路径向上查找 gazette.toml）/ config file (default: gazette.toml found upwards)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// 不读取任何配置文件 / read no config file
    #[arg(long)]
    pub isolated: bool,
    /// 只运行这些规则（代码、前缀或 ALL，代替默认规则）/ run only these rules (codes, prefixes or ALL), instead of the defaults
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Option<Vec<String>>,
    /// 在选定的规则之外另外运行的规则 / rules to run in addition to those selected
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub extend_select: Vec<String>,
    /// 不运行的规则（代码或前缀，如 GZ1）/ rules not to run (code or prefix)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// 另外不运行的规则（加在配置文件的 ignore 之上）/ rules not to run, in addition to the config's ignore
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub extend_ignore: Vec<String>,
    /// 同时列出无法核对的内容及原因 / also list what could not be verified, and why
    #[arg(long)]
    pub explain_skipped: bool,
    /// 本级人大常委会任免范围的配置文件（TOML），代替内置的直辖市、省配置 / a jurisdiction profile (TOML) instead of the built-in ones
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// 单个文件的大小上限（MB）/ the largest file checked, in MB
    #[arg(long, value_name = "MB", default_value_t = 64)]
    pub max_file_size: u64,
    /// 把输出写入文件 / write the output to a file
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// 只列出各规则的问题数和可自动修正的数目 / print the number of findings (and fixable ones) per rule instead
    #[arg(long)]
    pub statistics: bool,
    /// 只输出问题，不输出汇总和提示 / print the findings only: no summary, no progress messages
    #[arg(long, short)]
    pub quiet: bool,
    /// 彩色输出：auto（终端上，且没有 NO_COLOR）、always、never / colour: auto, always, never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// 标准输入的文件名（用于报告和配置查找）/ the name reported for standard input
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// 目录中要检查的文件（glob，可多次给出；默认 *.md、*.markdown、*.txt、*.docx）/ files to check in directories
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// 命令行上直接给出的文件也按 .gazetteignore 和 exclude 排除（pre-commit 需要）/ apply .gazetteignore and `exclude` to files named on the command line too
    #[arg(long)]
    pub force_exclude: bool,
    /// 每个文件单独检查，不把一起给出的文件当作同一届的一次检查 / check every file on its own, not the files given together as one run
    #[arg(long)]
    pub each_file: bool,
    /// 自动修正可确定的问题并写回文件；「-」时把修正后的文字输出到标准输出 / apply the certain fixes and write the files back; for `-`, print the fixed text on standard output
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// 只显示修正的差异，不写文件（有差异时退出码为 1）/ print the fixes as a diff, write nothing
    #[arg(long)]
    pub diff: bool,
    /// 修正时也写只读文件（文件仍为只读）/ with --fix, also write read-only files (they stay read-only)
    #[arg(long, requires = "fix")]
    pub force_write: bool,
    /// 列出修正了（或将修正）哪些问题 / list the fixes applied (or, with --diff, that would be)
    #[arg(long)]
    pub show_fixes: bool,
    /// 把问题作为 Word 批注写入 Word 文档（.docx）的副本；原稿不动 / write a copy of the Word draft (.docx) with a comment on each finding; the draft is never written
    #[arg(long, value_name = "OUT.docx", conflicts_with_all = ["fix", "diff", "sequential"])]
    pub annotate: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
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
    /// the text as read (a Word draft's paragraphs, one per line)
    Text,
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
        Command::Server => crate::server::run_stdio(),
        Command::Completions(args) => {
            use clap::CommandFactory;
            let mut command = Cli::command();
            clap_complete::generate(args.shell, &mut command, "gazette", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Manpage => {
            use clap::CommandFactory;
            let man = clap_mangen::Man::new(Cli::command());
            let mut out = std::io::stdout().lock();
            match man.render(&mut out).and_then(|_| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("gazette: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// The config in force: `--config`, else gazette.toml found upwards from `start`.
pub fn config_for(
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
            render::sarif::render(
                &[],
                &crate::check::rule_infos(),
                &[message.to_string()],
                Lang::Zh
            )
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

/// What is never checked: `exclude` of gazette.toml (globs relative to its directory) and,
/// for files named on the command line under `--force-exclude`, `.gazetteignore`.
#[derive(Clone, Default)]
pub(crate) struct Exclusion {
    globs: globset::GlobSet,
    /// Apply the exclusions to files named on the command line too.
    force: bool,
}

impl Exclusion {
    fn new(config: &crate::config::Config, force: bool) -> Result<Exclusion, String> {
        let base = config.base.clone().unwrap_or_else(|| PathBuf::from("."));
        let base = std::path::absolute(&base).unwrap_or(base);
        let mut set = globset::GlobSetBuilder::new();
        for pattern in &config.exclude {
            for glob in anchored_globs(&base, pattern) {
                set.add(glob.map_err(|e| format!("exclude `{pattern}`: {e}"))?);
            }
        }
        let globs = set.build().map_err(|e| format!("exclude: {e}"))?;
        Ok(Exclusion { globs, force })
    }

    /// Whether `path` or a directory above it is excluded by `exclude`.
    fn excluded(&self, path: &Path) -> bool {
        if self.globs.is_empty() {
            return false;
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        absolute.ancestors().any(|p| self.globs.is_match(p))
    }

    /// Whether a file named on the command line is left out (`--force-exclude`): by
    /// `exclude`, or by a `.gazetteignore` in its directory or one above, as a directory walk
    /// would leave it out.
    fn leaves_out(&self, path: &Path) -> bool {
        if !self.force {
            return false;
        }
        if self.excluded(path) {
            return true;
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        absolute.ancestors().skip(1).any(|dir| {
            let file = dir.join(".gazetteignore");
            file.is_file() && {
                let (ignore, _) = ignore::gitignore::Gitignore::new(&file);
                ignore
                    .matched_path_or_any_parents(&absolute, false)
                    .is_ignore()
            }
        })
    }
}

/// A glob of gazette.toml made absolute: relative to the file's directory, and matching at
/// any depth when it holds no slash (`*.draft.md`, as .gitignore reads it).
fn anchored_globs(base: &Path, pattern: &str) -> Vec<Result<globset::Glob, globset::Error>> {
    let trimmed = pattern.trim_end_matches('/');
    let root = globset::escape(&base.display().to_string());
    let mut out = vec![globset::Glob::new(&format!(
        "{root}/{}",
        trimmed.trim_start_matches("./")
    ))];
    if !trimmed.contains('/') {
        out.push(globset::Glob::new(&format!("{root}/**/{trimmed}")));
    }
    out
}

/// A file of this size or less, checked alone, is checked on the calling thread only.
const SMALL_RUN_BYTES: u64 = 1 << 20;

/// Sizes rayon's global pool before the run's first parallel step. The calling thread is
/// always one of the pool's workers, so a parallel step starts at once instead of waiting
/// for a worker to wake. A run of one small file gets no other thread: its files are read,
/// parsed and checked one after another anyway, and starting the workers and handing them
/// the file cost a millisecond of a seed page's seven (measured with hyperfine). Input of
/// unknown size (standard input) keeps the default, one worker a core (`RAYON_NUM_THREADS`
/// is honoured). A pool that already exists (a second run in one process) is kept.
fn size_thread_pool(inputs: &[Input]) {
    let small = match inputs {
        [] => true,
        [one] => one
            .path()
            .and_then(|p| std::fs::metadata(p).ok())
            .is_some_and(|m| m.len() <= SMALL_RUN_BYTES),
        _ => false,
    };
    let mut pool = rayon::ThreadPoolBuilder::new().use_current_thread();
    if small {
        pool = pool.num_threads(1);
    }
    let _ = pool.build_global();
}

/// Files named on the command line are checked whatever their extension (unless
/// `--force-exclude` leaves them out); directories contribute their `*.md`, `*.markdown`,
/// `*.txt` and `*.docx` files (or those matching `--glob`), honouring .gitignore, .gazetteignore and
/// `exclude`.
fn collect_inputs(
    paths: &[PathBuf],
    globs: &[String],
    exclusion: &Exclusion,
    errors: &mut Vec<String>,
) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            inputs.extend(
                files_in_dir(path, globs, Some(exclusion.clone()), errors)
                    .into_iter()
                    .map(Input::File),
            );
        } else if !exclusion.leaves_out(path) {
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

/// The files a directory contributes to a run, in a stable order: its `*.md`, `*.markdown`,
/// `*.txt` and `*.docx` files (or those matching `globs`), honouring .gitignore and .gazetteignore.
/// The language server reads a workspace folder through it too, so that both see one run.
pub(crate) fn files_in_dir(
    path: &Path,
    globs: &[String],
    exclusion: Option<Exclusion>,
    errors: &mut Vec<String>,
) -> Vec<PathBuf> {
    let mut walk = ignore::WalkBuilder::new(path);
    walk.add_custom_ignore_filename(".gazetteignore");
    walk.git_global(crate::files::GitConfigPlaces::from_env().global_ignore_may_apply());
    if let Some(excluded) = exclusion {
        walk.filter_entry(move |e| !excluded.excluded(e.path()));
    }
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
    found
}

fn has_notice_extension(p: &Path) -> bool {
    match p.extension().and_then(|e| e.to_str()) {
        Some("md" | "txt" | "markdown") => true,
        // Word's lock file (`~$draft.docx`, while the draft is open) is no draft.
        Some(e) if e.eq_ignore_ascii_case("docx") => !p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("~$")),
        _ => false,
    }
}

/// `--statistics`: findings per rule, most frequent first, with how many are fixable.
struct RuleCount {
    code: &'static str,
    name: &'static str,
    count: usize,
    fixable: usize,
}

fn rule_counts(reports: &[FileReport]) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for d in reports.iter().flat_map(|r| r.findings()) {
        let i = match counts.iter().position(|c| c.code == d.code) {
            Some(i) => i,
            None => {
                counts.push(RuleCount {
                    code: d.code,
                    name: d.name,
                    count: 0,
                    fixable: 0,
                });
                counts.len() - 1
            }
        };
        counts[i].count += 1;
        counts[i].fixable += usize::from(d.fix.is_some());
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    counts
}

fn statistics(reports: &[FileReport], format: Format, lang: Lang) -> String {
    let counts = rule_counts(reports);
    let total: usize = counts.iter().map(|c| c.count).sum();
    let fixable: usize = counts.iter().map(|c| c.fixable).sum();
    if format == Format::Json {
        let rules: Vec<serde_json::Value> = counts
            .iter()
            .map(|c| {
                serde_json::json!({
                    "code": c.code, "name": c.name, "count": c.count, "fixable": c.fixable,
                })
            })
            .collect();
        return serde_json::json!({
            "version": render::json::VERSION,
            "statistics": rules,
            "total": total,
            "fixable": fixable,
        })
        .to_string()
            + "\n";
    }
    let mut out: String = counts
        .iter()
        .map(|c| {
            let mark = if c.fixable > 0 { "[*]" } else { "   " };
            let fixes = match (c.fixable, lang) {
                (0, _) => String::new(),
                (n, Lang::Zh) => format!("  （可自动修正 {n}）"),
                (n, Lang::En) => format!("  ({n} fixable)"),
            };
            format!("{:>6}  {}  {mark} {}{fixes}\n", c.count, c.code, c.name)
        })
        .collect();
    out.push_str(&match lang {
        Lang::Zh => format!("{total:>6}  合计，可自动修正 {fixable}\n"),
        Lang::En => format!("{total:>6}  in total, {fixable} fixable\n"),
    });
    out
}

/// Colour on standard output when it is a terminal and `NO_COLOR` is not set.
fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// `--color`: `always` and `never` decide; `auto` follows `FORCE_COLOR`, then `NO_COLOR` and
/// whether standard output is a terminal.
fn color_for(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("FORCE_COLOR").is_some_and(|v| !v.is_empty()) || color_wanted()
        }
    }
}

/// A message to the user on standard error, in the message language.
fn say(lang: Lang, zh: &str, en: &str) {
    match lang {
        Lang::Zh => eprintln!("gazette: {zh}"),
        Lang::En => eprintln!("gazette: {en}"),
    }
}

/// Checks the inputs: together as one run, or (`--each-file`) every file on its own.
fn run_checks(
    inputs: Vec<(String, Vec<u8>)>,
    selection: &Settings,
    each_file: bool,
    quiet: bool,
) -> Vec<FileReport> {
    // Two steps a file: parsed, then checked.
    let progress = progress::Progress::new(2 * inputs.len(), quiet);
    let tick = || progress.tick();
    let reports = if each_file {
        use rayon::prelude::*;
        inputs
            .into_par_iter()
            .flat_map_iter(|input| check_all_counted(vec![input], selection, &tick))
            .collect()
    } else {
        check_all_counted(inputs, selection, &tick)
    };
    progress.finish();
    reports
}

fn check(args: CheckArgs) -> ExitCode {
    let format = args.output_format;
    let start = args
        .paths
        .iter()
        .find(|p| p.as_os_str() != "-")
        .cloned()
        .or_else(|| {
            // Standard input named by --stdin-filename finds the config of that path.
            args.stdin_filename.as_ref().map(PathBuf::from)
        })
        .unwrap_or_else(|| PathBuf::from("."));
    let (_, config) = if args.isolated {
        (None, crate::config::Config::default())
    } else {
        match config_for(args.config.as_deref(), &start) {
            Ok(c) => c,
            Err(message) => return fatal(format, &message),
        }
    };
    // The config's values were checked when it was read (with their line and column).
    let fail_on = args.fail_on.unwrap_or(match config.fail_on {
        Some(crate::config::FailOnOption::Error) => FailOn::Error,
        Some(crate::config::FailOnOption::Style) => FailOn::Style,
        Some(crate::config::FailOnOption::Warning) | None => FailOn::Warning,
    });
    let lang = match args.lang.unwrap_or(match config.lang {
        Some(crate::config::LangOption::En) => LangArg::En,
        Some(crate::config::LangOption::Zh) | None => LangArg::Zh,
    }) {
        LangArg::En => Lang::En,
        LangArg::Zh => Lang::Zh,
    };
    let roster_path = args.roster.clone().or(config.roster.clone());
    let roster = match &roster_path {
        Some(path) => match crate::roster::Roster::load(path) {
            Ok(r) => Some(std::sync::Arc::new(r)),
            Err(e) => {
                eprint!("{}", e.render(color_wanted()));
                return fatal(format, &e.to_string());
            }
        },
        None => None,
    };
    let command_line = RuleSelection {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args
            .ignore
            .iter()
            .chain(&args.extend_ignore)
            .cloned()
            .collect(),
    };
    let selection = match build_settings(&config, command_line, args.profile.as_deref(), roster) {
        Ok(s) => Settings {
            language: Some(lang),
            ..s
        },
        Err(message) => return fatal(format, &message),
    };
    let exclusion = match Exclusion::new(&config, args.force_exclude) {
        Ok(e) => e,
        Err(message) => return fatal(format, &message),
    };
    let each_file = args.each_file || config.each_file;
    let mut io_errors = Vec::new();
    let paths = match (&args.sequential, args.paths.is_empty()) {
        (Some(dir), _) => vec![dir.clone()],
        (None, true) => vec![PathBuf::from(".")],
        (None, false) => args.paths.clone(),
    };
    let inputs = collect_inputs(&paths, &args.glob, &exclusion, &mut io_errors);
    size_thread_pool(&inputs);
    // The report must never replace what it reports on.
    if let Some(out) = &args.output_file {
        if let Some(input) = inputs
            .iter()
            .filter_map(Input::path)
            .find(|p| crate::files::same_file(p, out))
        {
            return fatal(
                format,
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
    // The Word drafts of the run, read as they were checked (the annotated copy needs where
    // each character sits in the package).
    let mut drafts: Vec<(String, Vec<u8>, crate::docx::Extracted)> = Vec::new();
    // Read in parallel: on an archive the reads were the part of the run one core did alone.
    let contents: Vec<std::io::Result<Vec<u8>>> = {
        use rayon::prelude::*;
        inputs.par_iter().map(|input| input.read(limit)).collect()
    };
    for (input, content) in inputs.iter().zip(contents) {
        let name = input.name(stdin_name);
        match content.and_then(|bytes| {
            let extracted = word_draft(&name, &bytes, lang)?;
            Ok((bytes, extracted))
        }) {
            Ok((bytes, extracted)) => {
                if let Some(x) = extracted {
                    drafts.push((name.clone(), bytes.clone(), x));
                }
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
    if let (true, Some((name, _, _))) = (args.fix || args.diff, drafts.first()) {
        return fatal(
            format,
            &match lang {
                Lang::Zh => format!(
                    "{name} 是 Word 文档：--fix 和 --diff 只修正文本文件；请用 --annotate 副本.docx 生成带批注的副本，在 Word 中按批注修改"
                ),
                Lang::En => format!(
                    "{name} is a Word document: --fix and --diff only fix text files; use --annotate COPY.docx for a copy with a comment on each finding, and make the changes in Word"
                ),
            },
        );
    }
    if let Some(out) = &args.annotate {
        if let Err(message) = annotation_target(out, &inputs, &drafts, lang) {
            return fatal(format, &message);
        }
    }
    // Files given together are one run: a series of notices may span them.
    let mut fix_failed = false;
    // `--fix -` prints the fixed text on standard output: the findings go to standard error.
    let mut fixed_stdin = false;
    let reports = if args.diff || args.fix {
        let originals: Vec<Vec<u8>> = read.iter().map(|(_, b)| b.clone()).collect();
        let names: Vec<String> = read.iter().map(|(n, _)| n.clone()).collect();
        let run = crate::fix::fix_run(read, &selection);
        let mut on_disk = run.bytes.clone();
        let mut changed = 0;
        let mut fixes = 0;
        let mut diffs = String::new();
        let mut listed = String::new();
        for (i, original) in originals.iter().enumerate() {
            if let Some((_, e)) = run.errors.iter().find(|(f, _)| *f == i) {
                eprintln!("gazette: {}：{e}", names[i]);
                fix_failed = true;
                continue;
            }
            let stdin = read_paths[i].is_none();
            if args.fix && stdin {
                // The editor gets the text back whole, fixed or not, in its own encoding.
                let mut out = std::io::stdout().lock();
                if out
                    .write_all(&run.bytes[i])
                    .and_then(|_| out.flush())
                    .is_err()
                {
                    fix_failed = true;
                }
                fixed_stdin = true;
            }
            if run.bytes[i] == *original {
                continue;
            }
            // The fixes of the first pass are the findings corrected; later passes only
            // finish what they revealed.
            let applied = crate::fix::applied(&run.first()[i]);
            fixes += applied.len();
            if args.show_fixes {
                listed.push_str(&fix_list(&names[i], &applied));
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
            if stdin {
                changed += 1;
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
        if !args.quiet {
            eprint!("{listed}");
            if args.diff {
                say(
                    lang,
                    &format!("可自动修正 {fixes} 个问题（{changed} 个文件）；没有写入任何文件"),
                    &format!(
                        "{fixes} fix(es) would be applied to {changed} file(s); nothing written"
                    ),
                );
            } else {
                say(
                    lang,
                    &format!("修正了 {fixes} 个问题（{changed} 个文件）"),
                    &format!("applied {fixes} fix(es) to {changed} file(s)"),
                );
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
        // What is left after fixing is reported as usual, from what is now on disk.
        if on_disk == run.bytes {
            run.reports
        } else {
            check_all(names.into_iter().zip(on_disk).collect(), &selection)
        }
    } else if args.sequential.is_some() {
        roster::check_sequentially(read, &selection)
    } else {
        run_checks(read, &selection, each_file, args.quiet)
    };
    if let (Some(out), Some((name, bytes, extracted))) = (&args.annotate, drafts.first()) {
        match annotate(
            out,
            name,
            bytes,
            extracted,
            &reports,
            lang,
            args.explain_skipped,
        ) {
            Ok(count) if !args.quiet => say(
                lang,
                &format!("已写入带批注的副本 {}（{count} 条批注）", out.display()),
                &format!(
                    "wrote the annotated copy {} ({count} comments)",
                    out.display()
                ),
            ),
            Ok(_) => {}
            Err(e) => {
                say(
                    lang,
                    &format!("无法写入带批注的副本 {}：{e}", out.display()),
                    &format!("cannot write the annotated copy {}: {e}", out.display()),
                );
                fix_failed = true;
            }
        }
    }
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
        None if fixed_stdin => Box::new(std::io::BufWriter::new(std::io::stderr().lock())),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let notes = args.explain_skipped;
    // Nothing could be read: people get the errors (on standard error), not 「checked 0
    // files, no problems」.
    let nothing_read = reports.is_empty() && !io_errors.is_empty();
    let written = if nothing_read && matches!(format, Format::Human | Format::Concise) {
        Ok(())
    } else if args.statistics {
        sink.write_all(statistics(&reports, format, lang).as_bytes())
    } else {
        match format {
            Format::Human => {
                let options = render::human::Options {
                    lang,
                    color: !to_file && !fixed_stdin && color_for(args.color),
                    show_notes: notes,
                };
                let run = render::human::RunOutput {
                    unreadable: unreadable.iter().map(|(name, _)| name.clone()).collect(),
                    quiet: args.quiet,
                    width: terminal_width(to_file || fixed_stdin),
                };
                let mut out = IoWrite(&mut sink, None);
                let _ = render::human::render_run(&mut out, &reports, &options, &run);
                out.1.map_or(Ok(()), Err)
            }
            Format::Concise => {
                sink.write_all(render::concise::render_with_notes(&reports, lang, notes).as_bytes())
            }
            Format::Json => sink.write_all(
                (render::json::render_with_errors(&reports, &unreadable, lang) + "\n").as_bytes(),
            ),
            Format::Sarif => sink.write_all(
                (render::sarif::render_with_notes(
                    &reports,
                    &crate::check::rule_infos(),
                    &io_errors,
                    lang,
                    notes,
                    std::env::current_dir().ok().as_deref(),
                ) + "\n")
                    .as_bytes(),
            ),
            Format::Github => {
                sink.write_all(render::github::render_with_notes(&reports, lang, notes).as_bytes())
            }
        }
    };
    let flushed = written.and_then(|_| sink.flush());
    drop(sink);
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
    ExitCode::from(u8::from(failing && !args.exit_zero))
}

/// Reads a Word draft (by its content, or its .docx name) as the checker will; `None` for
/// text. A draft that cannot be read is an error that says why (exit 2), never a finding.
fn word_draft(
    name: &str,
    bytes: &[u8],
    lang: Lang,
) -> std::io::Result<Option<crate::docx::Extracted>> {
    let refused = |e: crate::docx::PackageError| std::io::Error::other(e.message(lang));
    match crate::docx::kind(name, bytes) {
        crate::docx::Kind::Text => Ok(None),
        crate::docx::Kind::Refused(e) => Err(refused(e)),
        crate::docx::Kind::Package => crate::docx::read(bytes).map(Some).map_err(refused),
    }
}

/// `--annotate OUT`: the run holds exactly one Word draft, and OUT is none of the inputs.
fn annotation_target(
    out: &Path,
    inputs: &[Input],
    drafts: &[(String, Vec<u8>, crate::docx::Extracted)],
    lang: Lang,
) -> Result<(), String> {
    if drafts.len() != 1 {
        return Err(match lang {
            Lang::Zh => format!(
                "--annotate 需要恰好一个 Word 文档（.docx），这次检查有 {} 个",
                drafts.len()
            ),
            Lang::En => format!(
                "--annotate needs exactly one Word document (.docx) in the run; there are {}",
                drafts.len()
            ),
        });
    }
    if let Some(input) = inputs
        .iter()
        .filter_map(Input::path)
        .find(|p| crate::files::same_file(p, out) || *p == out)
    {
        return Err(match lang {
            Lang::Zh => format!(
                "--annotate {} 是被检查的文件 {}：原稿不会被改写，请另给一个文件名",
                out.display(),
                input.display()
            ),
            Lang::En => format!(
                "--annotate {} is the checked file {}: the draft is never written; name another file",
                out.display(),
                input.display()
            ),
        });
    }
    Ok(())
}

/// Writes the annotated copy of a Word draft: one comment per finding shown (notes too with
/// `--explain-skipped`, as every format shows them); returns how many.
fn annotate(
    out: &Path,
    name: &str,
    bytes: &[u8],
    extracted: &crate::docx::Extracted,
    reports: &[FileReport],
    lang: Lang,
    notes: bool,
) -> Result<usize, String> {
    let report = reports
        .iter()
        .find(|r| r.path == name)
        .ok_or_else(|| format!("{name} was not checked"))?;
    let (help, to_fix) = match lang {
        Lang::Zh => ("帮助：", "修改："),
        Lang::En => ("help: ", "to fix: "),
    };
    let comments: Vec<crate::docx::annotate::Comment> = report
        .diagnostics
        .iter()
        .filter(|d| render::shown(report, d, notes))
        .map(|d| crate::docx::annotate::Comment {
            start: d.span.start,
            end: d.span.end,
            paragraphs: std::iter::once(format!("{} {}", d.code, d.message.get(lang)))
                .chain(d.help.as_ref().map(|h| format!("{help}{}", h.get(lang))))
                .chain(
                    d.fix
                        .as_ref()
                        .map(|f| format!("{to_fix}{}", f.description.get(lang))),
                )
                .collect(),
        })
        .collect();
    let copy = crate::docx::annotate::annotate(bytes, extracted, &comments)
        .map_err(|e| e.message(lang))?;
    crate::files::write(out, &copy, crate::files::WriteOptions::default())?;
    Ok(comments.len())
}

/// The width human output is laid out for: the terminal's, or 80 columns when the output is
/// not a terminal (a file, a pipe, a CI log).
fn terminal_width(not_a_terminal: bool) -> usize {
    const DEFAULT: usize = 80;
    if not_a_terminal || !std::io::stdout().is_terminal() {
        return DEFAULT;
    }
    terminal_size::terminal_size().map_or(DEFAULT, |(w, _)| usize::from(w.0))
}

/// `--show-fixes`: the fixes of one file, counted per rule.
fn fix_list(path: &str, applied: &[&crate::diagnostic::Diagnostic]) -> String {
    let mut per_rule: Vec<(&str, &str, usize)> = Vec::new();
    for d in applied {
        match per_rule.iter_mut().find(|c| c.0 == d.code) {
            Some(c) => c.2 += 1,
            None => per_rule.push((d.code, d.name, 1)),
        }
    }
    let mut out = format!("{path}:\n");
    for (code, name, n) in per_rule {
        out.push_str(&format!("    {n} × {code} ({name})\n"));
    }
    out
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

/// The settings of a run: the config's rule selection, then the command line's (each with
/// ruff's meaning); `--profile` replaces the config's. Codes that name no rule are errors.
pub fn build_settings(
    config: &crate::config::Config,
    command_line: RuleSelection,
    profile: Option<&Path>,
    roster: Option<std::sync::Arc<crate::roster::Roster>>,
) -> Result<Settings, String> {
    if let Some(code) = command_line
        .select
        .iter()
        .flatten()
        .chain(&command_line.extend_select)
        .chain(&command_line.ignore)
        .find(|c| !known_selector(c))
    {
        return Err(format!(
            "没有规则「{code}」（`gazette explain` 列出全部规则）/ no rule matches `{code}`"
        ));
    }
    let profile = match profile.or(config.profile.as_deref()) {
        Some(path) => Some(std::sync::Arc::new(load_profile(path)?)),
        None => None,
    };
    let base = config.base.clone().unwrap_or_else(|| PathBuf::from("."));
    let base = std::path::absolute(&base).unwrap_or(base);
    let mut per_file_ignores = Vec::new();
    for (pattern, codes) in &config.per_file_ignores {
        for glob in anchored_globs(&base, pattern) {
            let glob = glob.map_err(|e| format!("per-file-ignores `{pattern}`: {e}"))?;
            per_file_ignores.push((glob.compile_matcher(), codes.clone()));
        }
    }
    let from_config = RuleSelection {
        select: config.select.clone(),
        extend_select: config.extend_select.clone(),
        ignore: config
            .ignore
            .iter()
            .chain(&config.extend_ignore)
            .cloned()
            .collect(),
    };
    Ok(Settings {
        selections: vec![from_config, command_line],
        per_file_ignores,
        profile,
        severities: config
            .severity
            .iter()
            .map(|(k, v)| (k.to_ascii_uppercase(), v.severity()))
            .collect(),
        roster,
        ..Settings::default()
    })
}

/// Reads a user's profile; errors name the file, line and column.
fn load_profile(path: &Path) -> Result<crate::domain::profile::Profile, String> {
    let text = crate::files::read_utf8(path, crate::files::DEFAULT_LIMIT).map_err(|e| {
        format!(
            "无法读取任免范围配置文件 {} / cannot read the profile: {e}",
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
            "任免范围配置文件有误 / invalid profile {}{}: {}",
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
    if let Err(e) = word_draft(&input.name(None), &bytes, Lang::Zh) {
        eprintln!(
            "gazette: 无法读取 {}：{e} / cannot read it",
            input.name(None)
        );
        return ExitCode::from(2);
    }
    let report = check_bytes(&input.name(None), &bytes, &Settings::default());
    match args.format {
        ParseFormat::Json => {
            write_stdout(&format!("{}\n", tree_json(&report)));
        }
        ParseFormat::Text if !report.unreadable() => {
            let end = if report.source.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            write_stdout(&format!("{}{end}", report.source));
        }
        ParseFormat::Text => {}
    }
    if report.unreadable() {
        for d in &report.diagnostics {
            eprintln!("gazette: {} {}", d.code, d.message.zh);
        }
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

/// The syntax tree of one file as `gazette parse --format json` prints it (pretty JSON); public
/// so that tests/trees.rs snapshots exactly what users see.
pub fn tree_json(report: &FileReport) -> String {
    #[derive(serde::Serialize)]
    struct Tree<'a> {
        version: u32,
        path: &'a str,
        encoding: Option<&'static str>,
        #[serde(flatten)]
        document: &'a crate::ast::Document,
        /// People who leave one post and take another in this document.
        transfers: Vec<crate::model::personnel::Transfer>,
    }
    let settings = Settings::default();
    let model = crate::model::Model::new(
        &report.source,
        &report.document,
        settings.profile.as_deref(),
    );
    let tree = Tree {
        version: render::json::VERSION,
        path: &report.path,
        encoding: report.encoding.map(|e| e.name()),
        document: &report.document,
        transfers: model.transfers(),
    };
    serde_json::to_string_pretty(&tree).unwrap_or_default()
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
