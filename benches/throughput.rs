//! Throughput of gazette over a generated corpus of gazette pages (see `benches/README.md`).
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/bench-target cargo bench --bench throughput
//! CARGO_TARGET_DIR=/tmp/bench-target cargo bench --bench throughput -- parse   # a subset
//! GAZETTE_BENCH_WRITE=/tmp/corpus cargo bench --bench throughput   # write the corpus, no timing
//! ```
//!
//! The corpus (200 pages, seed 2024) is built once, before any timing; its size, notice count
//! and GZ003 ratio are printed first.

#[path = "support/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use gazette::check::Settings;
use gazette::report::{check_all, check_bytes};
use gazette::syntax::parse_document;

const SEED: u64 = 2024;
const PAGES: usize = 200;

struct Corpus {
    pages: Vec<corpus::Page>,
    bytes: usize,
    notices: usize,
    /// The pages written to a temporary directory (for the read-from-disk floor and the CLI).
    dir: PathBuf,
    paths: Vec<PathBuf>,
}

impl Corpus {
    fn build(seed: u64, n: usize, dir: PathBuf) -> Corpus {
        let pages = corpus::pages(seed, n);
        let bytes = pages.iter().map(|p| p.text.len()).sum();
        let notices = {
            use rayon::prelude::*;
            pages
                .par_iter()
                .map(|p| parse_document(&p.text).notices().count())
                .sum()
        };
        let paths = corpus::write_pages(&dir, &pages).expect("write the corpus");
        Corpus {
            pages,
            bytes,
            notices,
            dir,
            paths,
        }
    }
    fn inputs(&self) -> Vec<(String, Vec<u8>)> {
        self.pages
            .iter()
            .map(|p| (p.name.clone(), p.text.as_bytes().to_vec()))
            .collect()
    }
}

fn scratch_dir(what: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gazette-bench-{}-{what}", std::process::id()))
}

static CORPUS: LazyLock<Corpus> =
    LazyLock::new(|| Corpus::build(SEED, PAGES, scratch_dir("pages")));

/// Corpora of 20, 200 and 2000 pages for the linearity benchmark, built on first use.
static SCALED: LazyLock<Vec<(usize, Corpus)>> = LazyLock::new(|| {
    [20, 200, 2000]
        .into_iter()
        .map(|n| {
            (
                n,
                Corpus::build(SEED, n, scratch_dir(&format!("scaled-{n}"))),
            )
        })
        .collect()
});

fn scaled(n: usize) -> &'static Corpus {
    &SCALED
        .iter()
        .find(|(k, _)| *k == n)
        .expect("a scaled corpus")
        .1
}

fn settings() -> Settings {
    Settings::default()
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// What the corpus is: printed before the timings.
fn describe(c: &Corpus) {
    let s = settings();
    let mut gz003 = 0;
    let mut pages_with_gz003 = 0;
    let mut plain = 0;
    let mut findings = std::collections::BTreeMap::<&'static str, usize>::new();
    for p in &c.pages {
        let r = check_bytes(&p.name, p.text.as_bytes(), &s);
        let n = r.findings().filter(|d| d.code == "GZ003").count();
        gz003 += n;
        pages_with_gz003 += usize::from(n > 0);
        plain += usize::from(p.plain);
        for d in r.findings() {
            *findings.entry(d.code).or_default() += 1;
        }
    }
    eprintln!(
        "corpus: {} pages ({} plain text), {:.2} MB, {} notices ({:.1} per page), seed {SEED}",
        c.pages.len(),
        plain,
        mb(c.bytes),
        c.notices,
        c.notices as f64 / c.pages.len() as f64
    );
    eprintln!(
        "GZ003: {gz003} in {pages_with_gz003} of {} pages = {:.3} per page, {:.4} per notice",
        c.pages.len(),
        gz003 as f64 / c.pages.len() as f64,
        gz003 as f64 / c.notices as f64
    );
    eprintln!("findings by code: {findings:?}");
    eprintln!(
        "notices/s = notices ({}) / time of a whole-corpus run; divan prints it as item/s",
        c.notices
    );
}

fn main() {
    if let Some(dir) = std::env::var_os("GAZETTE_BENCH_WRITE") {
        // Write the corpora for the measurements outside divan (hyperfine, /usr/bin/time).
        let dir = PathBuf::from(dir);
        for n in [20, 200, 2000] {
            let pages = corpus::pages(SEED, n);
            corpus::write_pages(&dir.join(format!("pages-{n}")), &pages).expect("write pages");
        }
        for (name, size) in [("single-0.5mb.md", 500_000), ("single-5mb.md", 5_000_000)] {
            std::fs::write(dir.join(name), corpus::single_file(SEED, size)).expect("write");
        }
        std::fs::write(
            dir.join("single-50mb.md"),
            corpus::single_file(SEED, 50_000_000),
        )
        .expect("write the 50 MB file");
        eprintln!("corpus written to {}", dir.display());
        return;
    }
    describe(&CORPUS);
    divan::main();
    let _ = std::fs::remove_dir_all(&CORPUS.dir);
    for n in [20, 200, 2000] {
        let _ = std::fs::remove_dir_all(scratch_dir(&format!("scaled-{n}")));
    }
}

// ───────────────────────────── floor ─────────────────────────────

/// The least any checker must do: look at every byte once (UTF-8 validation).
#[divan::bench]
fn floor_utf8_in_memory(bencher: Bencher) {
    let c = &*CORPUS;
    bencher.counter(BytesCount::new(c.bytes)).bench(|| {
        for p in &c.pages {
            black_box(std::str::from_utf8(black_box(p.text.as_bytes())).is_ok());
        }
    });
}

/// Read each page from the temporary directory (page cache) and validate it.
#[divan::bench]
fn floor_read_files_utf8(bencher: Bencher) {
    let c = &*CORPUS;
    bencher.counter(BytesCount::new(c.bytes)).bench(|| {
        for path in &c.paths {
            let bytes = std::fs::read(path).expect("read a page");
            black_box(std::str::from_utf8(&bytes).is_ok());
        }
    });
}

// ───────────────────────────── library ─────────────────────────────

/// `parse_document` on every page, one thread: the grammar and the lowering.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_only(bencher: Bencher) {
    let c = &*CORPUS;
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.notices))
        .bench(|| {
            for p in &c.pages {
                black_box(parse_document(black_box(&p.text)));
            }
        });
}

/// `check_bytes` on every page, one thread: decode, parse, every rule, one page at a time.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_check_single_thread(bencher: Bencher) {
    let c = &*CORPUS;
    let s = settings();
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.notices))
        .bench(|| {
            for p in &c.pages {
                black_box(check_bytes(&p.name, black_box(p.text.as_bytes()), &s));
            }
        });
}

/// `check_all` over the 200 pages as one run: pages in parallel (rayon, every core), then
/// the rules that read across files.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_check_all_cores(bencher: Bencher) {
    let c = &*CORPUS;
    let s = settings();
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.notices))
        .with_inputs(|| c.inputs())
        .bench_local_values(|inputs| drop(black_box(check_all(inputs, &s))));
}

/// The same run in a one-thread rayon pool: separates the parallel speed-up from the cost of
/// the cross-file rules.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_check_all_one_thread(bencher: Bencher) {
    let c = &*CORPUS;
    let s = settings();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.notices))
        .with_inputs(|| c.inputs())
        .bench_local_values(|inputs| pool.install(|| drop(black_box(check_all(inputs, &s)))));
}

// ───────────────────────────── linearity ─────────────────────────────
//
// 1×, 10× and 100× the input. `max_time` stops sampling after the first sample that passes
// it, so the 100× points get one or two samples.

/// Parse + check page by page (`check_bytes`, one thread) at 20, 200 and 2000 pages: the
/// per-file work alone; time should grow tenfold per step.
#[divan::bench(args = [20, 200, 2000], sample_count = 5, sample_size = 1, max_time = 30)]
fn linearity_check_bytes(bencher: Bencher, pages: usize) {
    let c = scaled(pages);
    let s = settings();
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.notices))
        .bench(|| {
            for p in &c.pages {
                black_box(check_bytes(&p.name, p.text.as_bytes(), &s));
            }
        });
}

/// Parse + check as one run (`check_all`, every core) at 20, 200 and 2000 pages: adds the
/// rules that read across the files of a run.
#[divan::bench(args = [20, 200, 2000], sample_count = 5, sample_size = 1, max_time = 30)]
fn linearity_check_all(bencher: Bencher, pages: usize) {
    let c = scaled(pages);
    let s = settings();
    bencher
        .counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.notices))
        .with_inputs(|| c.inputs())
        .bench_local_values(|inputs| drop(black_box(check_all(inputs, &s))));
}

/// One document of 0.5 and 5 MB (pages concatenated) through `check_bytes`: what a single
/// large file costs. (50 MB is measured with the CLI, see the README.)
#[divan::bench(args = [500_000, 5_000_000], sample_count = 3, sample_size = 1, max_time = 30)]
fn linearity_single_file(bencher: Bencher, bytes: usize) {
    let text = corpus::single_file(SEED, bytes);
    let notices = parse_document(&text).notices().count();
    let s = settings();
    bencher
        .counter(BytesCount::new(text.len()))
        .counter(ItemsCount::new(notices))
        .bench(|| black_box(check_bytes("single.md", text.as_bytes(), &s)));
}

// ─────────────────────── hostile shapes (issue 16) ───────────────────────
// Inputs that were super-linear: each at two sizes a factor 4 apart, so linear work grows
// fourfold and quadratic work sixteenfold.

/// Distinct three-character names.
fn hostile_names(n: usize) -> Vec<String> {
    let family: Vec<char> = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
        .chars()
        .collect();
    let given: Vec<char> = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华兰红"
        .chars()
        .collect();
    (0..n)
        .map(|i| {
            let g = given.len();
            format!(
                "{}{}{}",
                family[i / (g * g) % family.len()],
                given[i / g % g],
                given[i % g]
            )
        })
        .collect()
}

/// A qualification notice restating `n` names (`QualificationModel::restate` was cubic:
/// 8,000 names took 141 s).
#[divan::bench(args = [2_000, 8_000], sample_count = 3, sample_size = 1, max_time = 30)]
fn hostile_restated_names(bencher: Bencher, n: usize) {
    let names = hostile_names(n).join("、");
    let page = format!(
        "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第56号\n\n大渡口区人民代表大会选出的重庆市第六届人民代表大会代表{names}调离重庆市，工作关系已不在本行政区域内，依照代表法的有关规定，{names}的重庆市第六届人民代表大会代表资格终止。\n"
    );
    let s = settings();
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| black_box(check_bytes("restated.md", page.as_bytes(), &s)));
}

/// `n` findings on one line (GZ601 on every 「,」), rendered as JSON (each position was
/// counted from the start of its line: 80,000 findings took 78 s).
#[divan::bench(args = [5_000, 20_000], sample_count = 3, sample_size = 1, max_time = 30)]
fn hostile_findings_on_one_line_json(bencher: Bencher, n: usize) {
    let page = format!(
        "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第58号\n\n（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）\n\n### 一、免去\n\n免去{}的职务。\n",
        "张三,".repeat(n)
    );
    let report = check_bytes("line.md", page.as_bytes(), &settings());
    bencher
        .counter(ItemsCount::new(report.diagnostics.len()))
        .bench(|| {
            black_box(gazette::render::json::render(
                std::slice::from_ref(&report),
                gazette::diagnostic::Lang::Zh,
            ))
        });
}

/// ASCII parentheses nested `n` deep around Han text (GZ601 scanned the inside of every
/// pair: 60,000 levels took 8 s).
#[divan::bench(args = [16_000, 64_000], sample_count = 3, sample_size = 1, max_time = 30)]
fn hostile_nested_parentheses(bencher: Bencher, n: usize) {
    let page = format!(
        "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第58号\n\n### 一、任命\n\n王德明{}为重庆市财政局{}局长。\n",
        "(".repeat(n),
        ")".repeat(n)
    );
    let s = settings();
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| black_box(check_bytes("nested.md", page.as_bytes(), &s)));
}

// ───────────────────────────── the CLI ─────────────────────────────

/// The release binary: Cargo builds a package's binaries before its benchmarks and passes the
/// path as `CARGO_BIN_EXE_gazette` (set for benches as for integration tests). Falls back to
/// `<target>/release/gazette` next to this executable, then `./target/release/gazette`.
fn gazette_binary() -> Option<PathBuf> {
    let built = PathBuf::from(env!("CARGO_BIN_EXE_gazette"));
    if built.is_file() {
        return Some(built);
    }
    // <target>/release/deps/throughput-<hash> → <target>/release/gazette
    let exe = std::env::current_exe().ok()?;
    let candidate = exe.parent()?.parent()?.join("gazette");
    if candidate.is_file() {
        return Some(candidate);
    }
    let fallback = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/gazette");
    fallback.is_file().then_some(fallback)
}

fn bench_cli(bencher: Bencher, file: &Path) {
    let Some(bin) = gazette_binary() else {
        eprintln!("skipped: no release binary (run `cargo build --release` first)");
        return;
    };
    let len = std::fs::metadata(file).expect("the input").len() as usize;
    bencher.counter(BytesCount::new(len)).bench(|| {
        let status = Command::new(&bin)
            .arg("check")
            .arg(file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run gazette");
        // 0 (clean) or 1 (findings); 2 would be a usage or input error.
        assert!(
            status.code().is_some_and(|c| c < 2),
            "gazette check failed: {status}"
        );
    });
}

/// `gazette check examples/chongqing-2024-11-28.md`: a whole process, output to /dev/null.
#[divan::bench(sample_count = 50)]
fn cli_seed_page(bencher: Bencher) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/chongqing-2024-11-28.md");
    bench_cli(bencher, &seed);
}

/// `gazette check` on the generated page closest to the corpus's median size.
#[divan::bench(sample_count = 50)]
fn cli_typical_page(bencher: Bencher) {
    let c = &*CORPUS;
    let mut sizes: Vec<(usize, usize)> = c
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.text.len(), i))
        .collect();
    sizes.sort();
    let (_, median) = sizes[sizes.len() / 2];
    bench_cli(bencher, &c.paths[median]);
}
