//! `gazette server` in process, over real JSON-RPC framing: the server reads `Content-Length`
//! frames from a pipe and writes them to another, as it does on stdio.

use std::io::{BufRead, BufReader, Read, Write};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The read end of an in-memory pipe.
struct PipeReader {
    chunks: Receiver<Vec<u8>>,
    pending: Vec<u8>,
    at: usize,
}

impl Read for PipeReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.pending.len() {
            match self.chunks.recv() {
                Ok(chunk) => {
                    self.pending = chunk;
                    self.at = 0;
                }
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

struct PipeWriter(Sender<Vec<u8>>);

impl Write for PipeWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .send(buf.to_vec())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn pipe() -> (PipeWriter, PipeReader) {
    let (tx, rx) = channel();
    (
        PipeWriter(tx),
        PipeReader {
            chunks: rx,
            pending: Vec::new(),
            at: 0,
        },
    )
}

/// A client: writes raw bytes to the server, reads its frames back.
pub struct Client {
    to_server: Option<PipeWriter>,
    from_server: Receiver<Value>,
    /// Messages read but not yet asked for.
    backlog: Vec<Value>,
    next_id: i64,
    server: Option<std::thread::JoinHandle<bool>>,
}

const TIMEOUT: Duration = Duration::from_secs(30);

impl Client {
    pub fn start() -> Client {
        let (to_server, server_in) = pipe();
        let (server_out, from_server_raw) = pipe();
        let server = std::thread::spawn(move || {
            gazette::server::serve(
                BufReader::new(server_in),
                server_out,
                gazette::server::Options::default().with_debounce(Duration::from_millis(5)),
            )
        });
        let (frames, from_server) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from_server_raw);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = Some(v.parse::<usize>().expect("a numeric length"));
                    }
                }
                let mut body = vec![0; length.expect("every frame has a Content-Length")];
                reader.read_exact(&mut body).expect("the whole body");
                let value: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                assert_eq!(value["jsonrpc"], "2.0", "{value}");
                if frames.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            to_server: Some(to_server),
            from_server,
            backlog: Vec::new(),
            next_id: 0,
            server: Some(server),
        }
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        self.to_server
            .as_mut()
            .expect("open")
            .write_all(bytes)
            .expect("the server reads");
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message (read now or earlier) that satisfies `wanted`.
    pub fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&wanted) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .from_server
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no such message; got {:#?}", self.backlog));
            if wanted(&message) {
                return message;
            }
            self.backlog.push(message);
        }
    }

    /// The next diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn initialize(&mut self, encodings: &[&str]) -> Value {
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null,
                   "capabilities": {"general": {"positionEncodings": encodings}}}),
        );
        self.notify("initialized", json!({}));
        r
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// `shutdown`, `exit`; whether the server ended cleanly.
    pub fn stop(mut self) -> bool {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        self.to_server = None;
        self.server
            .take()
            .expect("running")
            .join()
            .expect("no panic")
    }
}

pub const EXT_B: &str = "## 重庆市人民代表大会常务委员会公告\n\n[六届]第58号\n\n（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）\n\n### 一、任命\n\n\u{3000}\u{3000}李𠇔为重庆市人民检察院检察员\n张三为重庆市人民检察院检察员。\n";

fn uri_of(name: &str) -> String {
    format!("file:///nonexistent-gazette-test/{name}")
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn initialize_negotiates_the_position_encoding() {
    let mut c = Client::start();
    let r = c.initialize(&["utf-8", "utf-16"]);
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(r["result"]["serverInfo"]["name"], "gazette");
    assert!(c.stop());
    let mut c = Client::start();
    let r = c.initialize(&["utf-32"]);
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert!(c.stop());
}

#[test]
fn diagnostics_on_open_and_change_with_extension_b_positions() {
    let mut c = Client::start();
    c.initialize(&["utf-16"]);
    let uri = uri_of("draft.md");
    c.open(&uri, EXT_B);
    let found = c.diagnostics(&uri, 1);
    assert_eq!(codes(&found), ["GZ101", "GZ303"], "{found:#?}");
    let gz303 = &found[1];
    // 「　　李𠇔为重庆市人民检察院检察员」: U+3000 ×2, 李, 𠇔 (2 units), 为, 10 more: the end
    // of the line is unit 17 (line 8, 0-based).
    assert_eq!(gz303["range"]["end"], json!({"line": 8, "character": 17}));
    assert_eq!(gz303["severity"], 3, "style is Information");
    assert_eq!(gz303["source"], "gazette");
    assert_eq!(found[0]["severity"], 3, "GZ101 [] is style");
    // Fix the brackets: GZ101 goes, GZ303 stays where it was.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"text": EXT_B.replace("[六届]", "〔六届〕")}]}),
    );
    let found = c.diagnostics(&uri, 2);
    assert_eq!(codes(&found), ["GZ303"]);
    assert!(c.stop());
}

#[test]
fn an_edit_arriving_before_the_check_finished_wins() {
    let mut c = Client::start();
    c.initialize(&["utf-16"]);
    let uri = uri_of("race.md");
    c.open(&uri, EXT_B);
    // Incremental edits, sent at once: the first check may still be running or queued.
    for version in 2..=6 {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": {"line": 8, "character": 0},
                                                 "end": {"line": 8, "character": 0}},
                                       "text": "\u{3000}"}]}),
        );
    }
    let found = c.diagnostics(&uri, 6);
    let gz303 = found.iter().find(|d| d["code"] == "GZ303").expect("GZ303");
    assert_eq!(
        gz303["range"]["end"]["character"],
        17 + 5,
        "five more U+3000"
    );
    // Nothing older is published after the newest version.
    std::thread::sleep(Duration::from_millis(200));
    c.request("shutdown", Value::Null);
    for m in &c.backlog {
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
            assert_eq!(m["params"]["version"], 6, "stale publish after v6: {m}");
        }
    }
    c.notify("exit", Value::Null);
}

#[test]
fn malformed_input_gets_errors_and_the_server_lives() {
    let mut c = Client::start();
    // Before initialize: not initialised.
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002);
    c.initialize(&[]);
    c.raw(b"Content-Length: 9\r\n\r\n{\"id\": 1,");
    let r = c.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(r["id"], Value::Null);
    c.raw(b"X-Nothing: at all\r\n\r\n");
    c.wait_for(|m| m["error"]["code"] == -32700);
    let r = c.request("textDocument/hover", json!({"no": "params"}));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = c.request("gazette/unknown", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    // Still serving.
    let uri = uri_of("alive.md");
    c.open(&uri, EXT_B);
    assert_eq!(c.diagnostics(&uri, 1).len(), 2);
    assert!(c.stop());
}

#[test]
fn exit_without_shutdown_is_not_clean() {
    let mut c = Client::start();
    c.initialize(&[]);
    c.notify("exit", Value::Null);
    c.to_server = None;
    assert!(!c.server.take().unwrap().join().unwrap());
}
