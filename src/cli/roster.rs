//! `gazette roster init|apply` and `gazette check --sequential`: the roster rolled forward.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;

use crate::check::Settings;
use crate::diagnostic::{Lang, Severity};
use crate::render;
use crate::report::{check_all, FileReport};
use crate::roster::apply::{apply, ApplyLog};
use crate::roster::Roster;

use super::{build_settings, collect_inputs, color_wanted, config_for, Input};

#[derive(Subcommand, Debug)]
pub enum RosterCommand {
    /// 由公告建立初始名册（实有代表数、确认的代表、任命的职务），供补全 / build a starting roster from notices, for you to complete
    Init(InitArgs),
    /// 按日期和编号顺序把公告应用到名册，写出新名册 / roll the roster forward through the notices, in date and number order
    Apply(ApplyArgs),
}

#[derive(clap::Args, Debug)]
pub struct Common {
    /// 文件或目录 / files or directories
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// 公告有错误（error）时仍然应用能读懂的部分 / apply what could be read even when a notice has errors
    #[arg(long)]
    pub force: bool,
    /// 本级人大常委会任免范围的配置文件（TOML）/ a jurisdiction profile (TOML)
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// 配置文件（默认向上查找 gazette.toml）/ config file
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// 不读取任何配置文件 / read no config file
    #[arg(long)]
    pub isolated: bool,
    /// 逐项列出名册的变化 / list every change made to the roster
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    #[command(flatten)]
    pub common: Common,
    /// 写入此文件（不覆盖已有文件）；默认输出到标准输出 / write here (never over an existing file); default: standard output
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub common: Common,
    /// 名册文件（默认取 gazette.toml 的 roster）/ the roster (default: `roster` of gazette.toml)
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// 写入此文件（已有则覆盖），而不是改写名册本身 / write the new roster here (replacing it) instead of in place
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 只显示名册的变化，不写文件 / print the change as a diff, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(command: RosterCommand) -> ExitCode {
    match command {
        RosterCommand::Init(args) => init(args),
        RosterCommand::Apply(args) => apply_command(args),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("gazette: {message}");
    ExitCode::from(2)
}

/// The config and settings of a roster command, and the files it reads.
fn prepare(
    common: &Common,
    roster: Option<Arc<Roster>>,
) -> Result<(crate::config::Config, Settings), String> {
    let start = common
        .paths
        .first()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    let (_, config) = if common.isolated {
        (None, crate::config::Config::default())
    } else {
        config_for(common.config.as_deref(), &start)?
    };
    let settings = build_settings(
        &config,
        crate::check::RuleSelection::default(),
        common.profile.as_deref(),
        roster,
    )?;
    Ok((config, settings))
}

fn read_inputs(paths: &[PathBuf]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut errors = Vec::new();
    let inputs = collect_inputs(paths, &[], &super::Exclusion::default(), &mut errors);
    if let Some(e) = errors.first() {
        return Err(e.clone());
    }
    let mut read = Vec::new();
    for input in inputs {
        if matches!(input, Input::Stdin) {
            return Err("名册命令不读标准输入 / roster commands do not read standard input".into());
        }
        let name = input.name(None);
        let bytes = input
            .read(64 * 1024 * 1024)
            .map_err(|e| format!("无法读取 {name}：{e} / cannot read it"))?;
        // A Word package that cannot be read is refused with its reason, as `check` does,
        // not reported as undecodable text.
        let refused = match crate::docx::kind(&name, &bytes) {
            crate::docx::Kind::Text => None,
            crate::docx::Kind::Refused(e) => Some(e),
            crate::docx::Kind::Package => crate::docx::read(&bytes).err(),
        };
        if let Some(e) = refused {
            return Err(format!(
                "{name}：{} / {}",
                e.message(crate::diagnostic::Lang::Zh),
                e.message(crate::diagnostic::Lang::En)
            ));
        }
        read.push((name, bytes));
    }
    if read.is_empty() {
        return Err("没有找到公告文件 / no notice files found".into());
    }
    Ok(read)
}

/// Checks the notices against the roster; with errors and without `--force`, prints them and
/// says that nothing is written.
fn checked(reports: &[FileReport], force: bool) -> Result<(), ExitCode> {
    let errors: usize = reports.iter().map(|r| r.count(Severity::Error)).sum();
    let unreadable = reports.iter().any(FileReport::unreadable);
    if unreadable {
        print_findings(reports);
        return Err(fail(
            "有无法解码的文件，名册未写入 / a file could not be decoded; nothing written",
        ));
    }
    if errors > 0 && !force {
        print_findings(reports);
        eprintln!(
            "gazette: 公告中有 {errors} 个错误，名册未写入；改正后重试，或用 --force 应用能读懂的部分 / {errors} error(s) in the notices: nothing written (--force applies what could be read)"
        );
        return Err(ExitCode::from(1));
    }
    Ok(())
}

/// The findings that stop a roster command, on standard error: standard output is the
/// roster's TOML (or a diff) and nothing else, so `init > roster.toml` stays a roster.
fn print_findings(reports: &[FileReport]) {
    use std::io::IsTerminal;
    eprint!(
        "{}",
        render::human::render(
            reports,
            &render::human::Options {
                lang: Lang::Zh,
                color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stderr().is_terminal(),
                show_notes: false,
            },
        )
    );
}

/// What applying did, on standard error: every change with `--verbose`, else a count; what
/// was skipped always. A closed pipe is no reason to stop before the roster is written.
fn print_log(log: &ApplyLog, verbose: bool) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    if verbose {
        for line in &log.applied {
            let _ = writeln!(err, "  {line}");
        }
    } else {
        let _ = writeln!(
            err,
            "gazette: 应用了 {} 项变化（--verbose 逐项列出）/ {} change(s) applied",
            log.applied.len(),
            log.applied.len()
        );
    }
    if !log.skipped.is_empty() {
        let _ = writeln!(err, "gazette: 跳过 / skipped:");
        for line in &log.skipped {
            let _ = writeln!(err, "  {line}");
        }
    }
}

fn init(args: InitArgs) -> ExitCode {
    if let Some(out) = &args.output {
        if out.exists() {
            return fail(&format!(
                "{} 已存在；init 不覆盖已有名册，请用 roster apply / exists: init never overwrites a roster; use `roster apply`",
                out.display()
            ));
        }
    }
    let (_, settings) = match prepare(&args.common, None) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let inputs = match read_inputs(&args.common.paths) {
        Ok(i) => i,
        Err(e) => return fail(&e),
    };
    let reports = check_all(inputs, &settings);
    if let Err(code) = checked(&reports, args.common.force) {
        return code;
    }
    let mut roster = Roster::default();
    let log = apply(&mut roster, &crate::report::pages(&reports, &settings));
    print_log(&log, args.common.verbose);
    let text = roster.to_toml();
    if let Err(message) = readable(&log, &text, &roster) {
        return fail(&message);
    }
    match &args.output {
        Some(path) => match crate::files::write(path, text.as_bytes(), Default::default()) {
            Ok(()) => {
                eprintln!("gazette: 名册已写入 / roster written: {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!("{}：{e}", path.display())),
        },
        None => {
            super::write_stdout(&text);
            ExitCode::SUCCESS
        }
    }
}

/// Never write a roster that cannot be read back: a change the loader would refuse blocks the
/// write (naming the notice line it comes from), and the new text must load as the roster
/// that was computed.
fn readable(log: &ApplyLog, text: &str, roster: &Roster) -> Result<(), String> {
    if !log.refused.is_empty() {
        let mut message = "名册未写入：以下变化无法写进名册（名册读取时会拒绝）/ nothing written: the roster could not hold these changes".to_string();
        for r in &log.refused {
            message.push_str("\n  ");
            message.push_str(r);
        }
        return Err(message);
    }
    match Roster::from_toml(&roster.path, text) {
        Ok(back) if back.same_entries(roster) => Ok(()),
        Ok(_) => Err(
            "内部错误：新名册读回后与计算结果不同，未写入 / internal error: the new roster reads back differently; nothing written"
                .into(),
        ),
        Err(e) => Err(format!(
            "内部错误：新名册无法读回，未写入 / internal error: the new roster would not load; nothing written: {e}"
        )),
    }
}

fn apply_command(args: ApplyArgs) -> ExitCode {
    let (config, _) = match prepare(&args.common, None) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let Some(path) = args.roster.clone().or(config.roster.clone()) else {
        return fail("请用 --roster 指定名册（或在 gazette.toml 中写 roster = \"…\"）/ give the roster with --roster");
    };
    let text = match crate::files::read_utf8(&path, crate::files::DEFAULT_LIMIT) {
        Ok(t) => t,
        Err(e) => {
            return fail(&format!(
                "无法读取名册 {}：{e} / cannot read the roster",
                path.display()
            ))
        }
    };
    let original = match crate::files::read_regular(&path, crate::files::DEFAULT_LIMIT) {
        Ok(b) => b,
        Err(e) => return fail(&format!("{}：{e}", path.display())),
    };
    // `text` is `original` without a BOM; the edit keeps the BOM.
    let full_text = String::from_utf8_lossy(&original).into_owned();
    let before = match Roster::from_toml(&path.display().to_string(), &text) {
        Ok(r) => r,
        Err(e) => {
            eprint!("{}", e.render(color_wanted()));
            return fail(&e.to_string());
        }
    };
    let (_, settings) = match prepare(&args.common, Some(Arc::new(before.clone()))) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let inputs = match read_inputs(&args.common.paths) {
        Ok(i) => i,
        Err(e) => return fail(&e),
    };
    let reports = check_all(inputs, &settings);
    if let Err(code) = checked(&reports, args.common.force) {
        return code;
    }
    let again =
        crate::roster::apply::already_applied(&before, &crate::report::pages(&reports, &settings));
    if !again.is_empty() {
        for line in &again {
            eprintln!("gazette: {line}");
        }
        if !args.common.force {
            return fail("这些公告已经应用过（编号不大于名册的 last_notice），名册未写入；确需重新应用请加 --force / already applied (numbered at or below the roster's last_notice): nothing written; --force applies them again");
        }
    }
    let mut roster = before.clone();
    let log = apply(&mut roster, &crate::report::pages(&reports, &settings));
    print_log(&log, args.common.verbose);
    let new_text = match crate::roster::edit::edit_in_place(&full_text, &before, &roster) {
        Ok(t) => t,
        Err(e) => return fail(&format!("{}：{e}", path.display())),
    };
    let body = new_text.strip_prefix('\u{FEFF}').unwrap_or(&new_text);
    if let Err(message) = readable(&log, body, &roster) {
        return fail(&message);
    }
    if args.dry_run {
        super::write_stdout(&crate::fix::diff(
            &path.display().to_string(),
            &full_text,
            &new_text,
        ));
        return ExitCode::SUCCESS;
    }
    let written = match &args.output {
        Some(out) => {
            crate::files::write(out, new_text.as_bytes(), Default::default()).map(|()| out.clone())
        }
        None => crate::files::replace(&path, &original, new_text.as_bytes(), Default::default())
            .map(|()| path.clone()),
    };
    match written {
        Ok(p) => {
            eprintln!("gazette: 名册已写入 / roster written: {}", p.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("{}：{e}", path.display())),
    }
}

/// `check --sequential DIR`: the library does the work; out-of-order pages are said here.
pub fn check_sequentially(inputs: Vec<(String, Vec<u8>)>, settings: &Settings) -> Vec<FileReport> {
    let sequence = crate::report::check_sequentially(inputs, settings);
    for w in &sequence.warnings {
        eprintln!("gazette: {w}");
    }
    sequence.reports
}
