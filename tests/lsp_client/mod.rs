//! An LSP client over in-memory pipes for tests/server.rs and benches/server.rs: the server
//! reads and writes real `Content-Length` frames, as on stdio.
// Each user takes what it needs.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The read end of an in-memory pipe.
pub struct PipeReader {
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

pub struct PipeWriter(Sender<Vec<u8>>);

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

pub fn pipe() -> (PipeWriter, PipeReader) {
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
    pub to_server: Option<PipeWriter>,
    from_server: Receiver<Value>,
    /// Messages read but not yet asked for.
    pub backlog: Vec<Value>,
    next_id: i64,
    pub server: Option<std::thread::JoinHandle<bool>>,
}

const TIMEOUT: Duration = Duration::from_secs(30);

impl Client {
    /// A server with a short debounce, so that tests wait less.
    pub fn start() -> Client {
        Client::start_with(
            gazette::server::Options::default().with_debounce(Duration::from_millis(5)),
        )
    }

    pub fn start_with(options: gazette::server::Options) -> Client {
        let (to_server, server_in) = pipe();
        let (server_out, from_server_raw) = pipe();
        let server = std::thread::spawn(move || {
            gazette::server::serve(BufReader::new(server_in), server_out, options)
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
        self.initialize_with(json!({"processId": null, "rootUri": null,
               "capabilities": {"general": {"positionEncodings": encodings}}}))
    }

    pub fn initialize_with(&mut self, params: Value) -> Value {
        let r = self.request("initialize", params);
        self.notify("initialized", json!({}));
        r
    }

    pub fn respond(&mut self, id: &Value, result: Value) {
        self.send(json!({"jsonrpc": "2.0", "id": id, "result": result}));
    }

    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"text": text}]}),
        );
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
