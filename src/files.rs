//! The user's files on disk: read with a bound, written without damaging what was there.
//!
//! Every file the tool reads besides the notices (the config, a profile, the roster) may be
//! controlled by whoever opens a pull request, so each read refuses what is not a regular file
//! (a FIFO would block forever, `/dev/zero` would fill memory) and stops at a limit. Every
//! write goes to the file the user meant: through a symbolic link to its target, in place for a
//! file with several hard links, and never over a read-only file unless forced.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The largest config, profile or roster read: the default notice limit.
pub const DEFAULT_LIMIT: u64 = 64 * 1024 * 1024;

/// Reads a regular file of at most `limit` bytes. Anything else (a directory, a FIFO, a
/// device) is refused before it is opened, since opening a FIFO already blocks.
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let kind = std::fs::metadata(path)?;
    if !kind.is_file() {
        return Err(std::io::Error::other(
            "不是普通文件（目录、管道或设备）/ not a regular file (a directory, pipe or device)",
        ));
    }
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(too_big(size, limit));
    }
    let mut bytes = Vec::new();
    // `take` hides the size from read_to_end: without this the buffer doubles its way up.
    bytes.reserve_exact(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// Reads a regular file that must be UTF-8 (a BOM is allowed and dropped): a config, a
/// profile or a roster. Bytes that are not UTF-8 are refused, never replaced.
pub fn read_utf8(path: &Path, limit: u64) -> std::io::Result<String> {
    let bytes = read_regular(path, limit)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(std::io::Error::other(format!(
            "不是 UTF-8 文本（字节偏移 {}），请另存为 UTF-8 / not UTF-8 (at byte {}); save it as UTF-8",
            e.valid_up_to() + bytes.len() - body.len(),
            e.valid_up_to() + bytes.len() - body.len()
        ))),
    }
}

pub fn too_big(size: u64, limit: u64) -> std::io::Error {
    std::io::Error::other(format!(
        "有 {} MB，超过上限 {} MB（--max-file-size）/ larger than the limit",
        size.div_ceil(1024 * 1024),
        limit / (1024 * 1024)
    ))
}

/// How a write may treat the file already there.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Also replace a file without write permission (it stays read-only).
    pub force_read_only: bool,
}

/// The file a write to `path` must change: the target of a symbolic link (every link in the
/// chain resolved), else `path` itself.
pub fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Replaces the contents of `path` with `bytes` — but only if it still holds `original`: a
/// file that changed since it was read is never overwritten.
pub fn replace(
    path: &Path,
    original: &[u8],
    bytes: &[u8],
    options: WriteOptions,
) -> Result<(), String> {
    let target = write_target(path).map_err(|e| format!("无法解析链接 / cannot resolve: {e}"))?;
    let meta = std::fs::metadata(&target).map_err(|e| format!("无法读取 / cannot read: {e}"))?;
    refuse_unwritable(&meta, options)?;
    let now = read_regular(&target, (original.len() as u64).saturating_add(1))
        .map_err(|e| format!("无法重新读取 / cannot re-read: {e}"))?;
    if now != original {
        return Err(
            "文件在检查之后被改动过，未写入修正 / the file changed since it was read; not fixed"
                .into(),
        );
    }
    write_over(&target, &meta, bytes)
}

/// Writes `bytes` to `path`, creating it (with the permissions the umask allows) or replacing
/// it as [`replace`] does, without comparing the old contents.
pub fn write(path: &Path, bytes: &[u8], options: WriteOptions) -> Result<(), String> {
    let target = write_target(path).map_err(|e| format!("无法解析链接 / cannot resolve: {e}"))?;
    match std::fs::metadata(&target) {
        Ok(meta) => {
            refuse_unwritable(&meta, options)?;
            write_over(&target, &meta, bytes)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => write_new(&target, bytes),
        Err(e) => Err(e.to_string()),
    }
}

fn refuse_unwritable(meta: &std::fs::Metadata, options: WriteOptions) -> Result<(), String> {
    if !meta.is_file() {
        return Err("不是普通文件，未写入 / not a regular file; not written".into());
    }
    if meta.permissions().readonly() && !options.force_read_only {
        return Err(
            "文件是只读的，未写入（--force-write 仍然写入）/ the file is read-only; not written (--force-write writes it anyway)"
                .into(),
        );
    }
    Ok(())
}

/// Several names for one file: a rename would give `path` a new file and leave the other
/// names on the old one, so the bytes are written in place instead.
fn hard_linked(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

fn write_over(target: &Path, meta: &std::fs::Metadata, bytes: &[u8]) -> Result<(), String> {
    if hard_linked(meta) {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(target)
            .map_err(|e| e.to_string())?;
        file.write_all(bytes).map_err(|e| e.to_string())?;
        file.set_len(bytes.len() as u64)
            .map_err(|e| e.to_string())?;
        return file.sync_all().map_err(|e| e.to_string());
    }
    let mut tmp = temp_beside(target)?;
    tmp.write_all(bytes).map_err(|e| e.to_string())?;
    tmp.as_file().sync_all().map_err(|e| e.to_string())?;
    std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(|e| e.to_string())?;
    tmp.persist(target).map_err(|e| e.error.to_string())?;
    Ok(())
}

fn write_new(target: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut tmp = temp_beside(target)?;
    tmp.write_all(bytes).map_err(|e| e.to_string())?;
    tmp.as_file().sync_all().map_err(|e| e.to_string())?;
    // Never replaces a file created meanwhile.
    tmp.persist_noclobber(target)
        .map_err(|e| e.error.to_string())?;
    Ok(())
}

/// A temporary file in the target's directory (so the rename stays on one file system),
/// created with the permissions a new file would get under the umask, not tempfile's 0600.
fn temp_beside(target: &Path) -> Result<tempfile::NamedTempFile, String> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir).map_err(|e| e.to_string())
}

/// Whether two paths name one file (the same inode, so hard links and links count too).
/// A path that does not exist names no file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

/// Where git looks for the user's global ignore file, read from the environment as the
/// `ignore` crate reads it (ignore 0.4.35, `gitignore::gitconfig_excludes_path`).
#[derive(Debug, Clone, Default)]
pub struct GitConfigPlaces {
    /// `GIT_CONFIG_GLOBAL`: replaces ~/.gitconfig and the XDG config.
    pub global: Option<PathBuf>,
    /// `GIT_CONFIG_SYSTEM`, else /etc/gitconfig.
    pub system: Option<PathBuf>,
    /// `XDG_CONFIG_HOME` if set and not empty, else ~/.config.
    pub config_home: Option<PathBuf>,
    pub home: Option<PathBuf>,
}

impl GitConfigPlaces {
    pub fn from_env() -> Self {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        #[allow(deprecated)]
        let home = std::env::home_dir();
        GitConfigPlaces {
            global: var("GIT_CONFIG_GLOBAL"),
            system: var("GIT_CONFIG_SYSTEM"),
            config_home: var("XDG_CONFIG_HOME")
                .or_else(|| home.as_ref().map(|h| h.join(".config"))),
            home,
        }
    }

    /// Whether a directory walk could find a global ignore file. When not, the walker is
    /// told not to look: `ignore` compiles a regex to read core.excludesFile from the git
    /// config (1.3 M instructions, 6 % of checking the seed page's directory) before it knows whether
    /// there is anything to read. Conservative: any config that mentions excludesfile, in any
    /// case, or an existing default file (~/.config/git/ignore) keeps the walker's own search.
    pub fn global_ignore_may_apply(&self) -> bool {
        let configs = [
            self.global.clone(),
            self.home.as_ref().map(|h| h.join(".gitconfig")),
            self.config_home.as_ref().map(|c| c.join("git/config")),
            Some(
                self.system
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("/etc/gitconfig")),
            ),
        ];
        let names_a_file = |path: &PathBuf| {
            // A config too big or unreadable here is left to the walker to judge.
            match read_regular(path, DEFAULT_LIMIT) {
                Ok(text) => {
                    memchr::memmem::find(&text.to_ascii_lowercase(), b"excludesfile").is_some()
                }
                Err(e) => e.kind() != std::io::ErrorKind::NotFound,
            }
        };
        configs.iter().flatten().any(names_a_file)
            || self
                .config_home
                .as_ref()
                .is_some_and(|c| c.join("git/ignore").exists())
    }
}

#[cfg(test)]
mod tests {
    use super::GitConfigPlaces;
    use std::path::Path;

    fn places(root: &Path) -> GitConfigPlaces {
        GitConfigPlaces {
            global: None,
            system: Some(root.join("etc-gitconfig")),
            config_home: Some(root.join(".config")),
            home: Some(root.to_path_buf()),
        }
    }

    #[test]
    fn a_global_ignore_file_may_apply_only_where_git_would_find_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let p = places(root);
        assert!(!p.global_ignore_may_apply(), "nothing there");
        std::fs::write(root.join(".gitconfig"), "[user]\n\tname = 某\n").unwrap();
        assert!(!p.global_ignore_may_apply(), "a config that names no file");
        std::fs::write(root.join(".gitconfig"), "[core]\n  EXCLUDESFILE=~/x\n").unwrap();
        assert!(p.global_ignore_may_apply(), "any case, as git reads it");
        std::fs::remove_file(root.join(".gitconfig")).unwrap();
        for (file, text) in [
            ("etc-gitconfig", "[core]\nexcludesfile = /x\n"),
            (".config/git/config", "[core]\nexcludesFile = /x\n"),
            (".config/git/ignore", "drafts/\n"),
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            assert!(p.global_ignore_may_apply(), "{file}");
            std::fs::remove_file(&path).unwrap();
        }
        // GIT_CONFIG_GLOBAL names a config anywhere.
        let elsewhere = root.join("elsewhere");
        std::fs::write(&elsewhere, "[core]\nexcludesfile = /x\n").unwrap();
        let with_global = GitConfigPlaces {
            global: Some(elsewhere),
            ..places(root)
        };
        assert!(with_global.global_ignore_may_apply());
        // A config that cannot be read is left to the walker.
        std::fs::create_dir(root.join(".gitconfig")).unwrap();
        assert!(p.global_ignore_may_apply(), "unreadable");
    }
}
