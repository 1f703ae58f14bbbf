//! The progress bar of a long check: the share of the files parsed and checked, on standard
//! error. Only on a terminal, never in CI (`CI` set) or with `--quiet`, and only once the run
//! has taken more than a second, so a quick check prints nothing more than its findings.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes without a bar.
const QUIET_FOR: Duration = Duration::from_secs(1);

pub(super) struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

/// Whether a run may show a bar at all.
fn wanted(stderr_is_terminal: bool, in_ci: bool, quiet: bool) -> bool {
    stderr_is_terminal && !in_ci && !quiet
}

impl Progress {
    /// A bar of `steps` steps: a file is two (parsed, then checked; see
    /// [`crate::report::check_all_counted`]).
    pub(super) fn new(steps: usize, quiet: bool) -> Progress {
        let wanted = wanted(
            std::io::stderr().is_terminal(),
            std::env::var_os("CI").is_some(),
            quiet,
        );
        let bar = wanted.then(|| {
            // Drawn nowhere until the run has lasted `QUIET_FOR`.
            let bar =
                ProgressBar::with_draw_target(Some(steps as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{bar:30} {percent:>3}% {elapsed}") {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// One more step done (called from the worker threads).
    pub(super) fn tick(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if self.start.elapsed() >= QUIET_FOR && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// The bar is removed before the findings are printed.
    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_only_on_a_terminal_outside_ci_and_not_quiet() {
        assert!(wanted(true, false, false));
        assert!(!wanted(false, false, false), "output piped or redirected");
        assert!(!wanted(true, true, false), "CI");
        assert!(!wanted(true, false, true), "--quiet");
    }

    #[test]
    fn no_bar_is_drawn_before_a_second_has_passed() {
        let p = Progress {
            bar: Some(ProgressBar::with_draw_target(
                Some(3),
                ProgressDrawTarget::hidden(),
            )),
            start: Instant::now(),
            shown: AtomicBool::new(false),
        };
        p.tick();
        assert!(!p.shown.load(Ordering::Relaxed));
        let late = Progress {
            start: Instant::now() - QUIET_FOR,
            ..p
        };
        late.tick();
        assert!(late.shown.load(Ordering::Relaxed));
        assert_eq!(late.bar.as_ref().map(|b| b.position()), Some(2));
        late.finish();
    }
}
