//! `gazette server`: a Language Server Protocol 3.17 server on stdio.
//!
//! Three threads: one reads frames, one writes them, and the main one answers requests and
//! keeps the open buffers; a fourth ([`worker`]) checks. Checking never blocks reading: an
//! edit only records the buffer's text and version and wakes the worker, which coalesces
//! edits that arrive together, runs the library's pipeline (`report::check_all`) over the
//! run, and publishes only results still current. Code actions, hover and the outline are
//! answered from the last published check of the same version.

mod convert;
mod people;
mod position;
mod transport;
mod worker;

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{notification, request, Url};

pub use position::Encoding;
use position::Mapper;
use worker::Analysis;

/// How the server runs; tests shorten the debounce and inject a failing checker.
#[derive(Clone)]
pub struct Options {
    /// How long the worker waits for the next edit before checking. Keystrokes closer
    /// together than this are checked once.
    pub debounce: Duration,
    pub(crate) checker: worker::Checker,
}

impl Options {
    /// The same options with another debounce (tests and benches shorten it).
    pub fn with_debounce(mut self, debounce: Duration) -> Self {
        self.debounce = debounce;
        self
    }
}

impl Options {
    /// The same options with another single-file pipeline in place of `report::prepare`:
    /// tests make one panic to see that a crashing rule costs only its own document.
    pub fn with_checker(
        mut self,
        checker: impl Fn(String, Vec<u8>, &crate::check::Settings) -> crate::report::FileReport
            + Send
            + Sync
            + 'static,
    ) -> Self {
        self.checker = Arc::new(checker);
        self
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            debounce: Duration::from_millis(20),
            checker: Arc::new(crate::report::prepare),
        }
    }
}

/// Serves on standard input and output until `exit`. The exit code is 0 after a
/// `shutdown`, 1 otherwise, as the protocol asks.
pub fn run_stdio() -> ExitCode {
    let input = std::io::BufReader::new(std::io::stdin());
    if serve(input, std::io::stdout(), Options::default()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// An open buffer, as the editor last sent it.
#[derive(Clone)]
pub(crate) struct Document {
    pub version: i32,
    pub text: Arc<str>,
}

/// What the main thread and the worker share.
pub(crate) struct Shared {
    pub documents: Mutex<HashMap<Url, Document>>,
    pub analyses: Mutex<HashMap<Url, Arc<Analysis>>>,
    /// Settings from the client (`initializationOptions`, `workspace/configuration`,
    /// `didChangeConfiguration`), laid over each `gazette.toml`.
    pub client_settings: Mutex<serde_json::Value>,
    pub roots: Mutex<Vec<PathBuf>>,
    pub encoding: Mutex<Encoding>,
    pub out: mpsc::Sender<Message>,
}

impl Shared {
    pub fn notify<N: notification::Notification>(&self, params: N::Params) {
        let _ = self
            .out
            .send(Notification::new(N::METHOD.to_string(), params).into());
    }

    /// A line in the client's log (`window/logMessage`).
    pub fn log(&self, typ: lsp_types::MessageType, message: String) {
        self.notify::<notification::LogMessage>(lsp_types::LogMessageParams { typ, message });
    }
}

/// Serves one client over `input`/`output` until `exit` or the end of input. Returns whether
/// the client shut the server down properly.
pub fn serve(
    input: impl BufRead + Send + 'static,
    output: impl Write + Send + 'static,
    options: Options,
) -> bool {
    let (out, outbox) = mpsc::channel::<Message>();
    let writer = std::thread::spawn(move || {
        let mut output = output;
        for message in outbox {
            if transport::write(&mut output, &message).is_err() {
                break;
            }
        }
    });
    let (frames_in, frames) = mpsc::channel();
    // Not joined: it may sit in a blocking read of standard input after `exit`.
    std::thread::spawn(move || {
        let mut input = input;
        while let Ok(Some(frame)) = transport::read(&mut input) {
            if frames_in.send(frame).is_err() {
                break;
            }
        }
    });
    let shared = Arc::new(Shared {
        documents: Mutex::default(),
        analyses: Mutex::default(),
        client_settings: Mutex::new(serde_json::Value::Null),
        roots: Mutex::default(),
        encoding: Mutex::new(Encoding::Utf16),
        out: out.clone(),
    });
    let (jobs, job_queue) = mpsc::channel();
    let worker = {
        let shared = shared.clone();
        let options = options.clone();
        std::thread::spawn(move || worker::run(job_queue, &shared, &options))
    };
    let mut server = Server {
        shared,
        jobs,
        state: State::Uninitialised,
        config_request: None,
        next_id: 0,
        supports_configuration: false,
    };
    let mut clean = false;
    for frame in frames {
        match frame {
            transport::Frame::Malformed(response) => {
                let _ = out.send(response.into());
            }
            transport::Frame::Message(message) => match server.handle(message) {
                Flow::Continue => {}
                Flow::Exit => {
                    clean = server.state == State::ShutDown;
                    break;
                }
            },
        }
    }
    let _ = server.jobs.send(worker::Job::Stop);
    let _ = worker.join();
    drop(server);
    drop(out);
    let _ = writer.join();
    clean
}

#[derive(PartialEq, Eq)]
enum State {
    Uninitialised,
    Running,
    ShutDown,
}

enum Flow {
    Continue,
    Exit,
}

struct Server {
    shared: Arc<Shared>,
    jobs: mpsc::Sender<worker::Job>,
    state: State,
    /// Our pending `workspace/configuration` request.
    config_request: Option<RequestId>,
    next_id: i32,
    supports_configuration: bool,
}

fn error(id: RequestId, code: ErrorCode, message: impl Into<String>) -> Message {
    Response::new_err(id, code as i32, message.into()).into()
}

impl Server {
    fn send(&self, message: Message) {
        let _ = self.shared.out.send(message);
    }

    fn recheck(&self) {
        let _ = self.jobs.send(worker::Job::Check);
    }

    fn handle(&mut self, message: Message) -> Flow {
        match message {
            Message::Request(req) => self.request(req),
            Message::Notification(n) => return self.notification(n),
            Message::Response(r) => self.response(r),
        }
        Flow::Continue
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        match (&self.state, req.method.as_str()) {
            (State::Uninitialised, request::Initialize::METHOD) => {
                let reply = match serde_json::from_value(req.params) {
                    Ok(params) => self.initialize(id.clone(), params),
                    Err(e) => error(id, ErrorCode::InvalidParams, e.to_string()),
                };
                self.send(reply);
            }
            (State::Uninitialised, _) => self.send(error(
                id,
                ErrorCode::ServerNotInitialized,
                "initialize first",
            )),
            (State::ShutDown, _) => self.send(error(
                id,
                ErrorCode::InvalidRequest,
                "the server is shut down",
            )),
            (State::Running, request::Shutdown::METHOD) => {
                self.state = State::ShutDown;
                self.send(Response::new_ok(id, ()).into());
            }
            (State::Running, request::Initialize::METHOD) => {
                self.send(error(id, ErrorCode::InvalidRequest, "already initialised"))
            }
            (State::Running, _) => {
                let reply = self.answer(req);
                self.send(reply);
            }
        }
    }

    fn answer(&mut self, req: Request) -> Message {
        let Request { id, method, params } = req;
        fn parse<P: serde::de::DeserializeOwned>(params: serde_json::Value) -> Result<P, String> {
            serde_json::from_value(params).map_err(|e| e.to_string())
        }
        let result = match method.as_str() {
            request::CodeActionRequest::METHOD => {
                parse(params).map(|p| serde_json::to_value(self.code_actions(p)))
            }
            request::HoverRequest::METHOD => {
                parse(params).map(|p| serde_json::to_value(self.hover(p)))
            }
            request::DocumentSymbolRequest::METHOD => {
                parse(params).map(|p| serde_json::to_value(self.outline(p)))
            }
            _ => {
                return error(
                    id,
                    ErrorCode::MethodNotFound,
                    format!("gazette does not answer {method}"),
                )
            }
        };
        match result {
            Ok(Ok(value)) => Response::new_ok(id, value).into(),
            Ok(Err(e)) => error(id, ErrorCode::InternalError, e.to_string()),
            Err(e) => error(id, ErrorCode::InvalidParams, e),
        }
    }

    fn initialize(&mut self, id: RequestId, params: lsp_types::InitializeParams) -> Message {
        use lsp_types::*;
        let encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        *self
            .shared
            .encoding
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = encoding;
        self.supports_configuration = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false);
        #[allow(deprecated)] // `root_uri` is what clients without workspace folders send.
        let roots: Vec<PathBuf> = match (&params.workspace_folders, &params.root_uri) {
            (Some(folders), _) if !folders.is_empty() => folders
                .iter()
                .filter_map(|f| f.uri.to_file_path().ok())
                .collect(),
            (_, Some(uri)) => uri.to_file_path().ok().into_iter().collect(),
            _ => Vec::new(),
        };
        *self.shared.roots.lock().unwrap_or_else(|e| e.into_inner()) = roots;
        if let Some(options) = params.initialization_options {
            self.set_client_settings(options);
        }
        self.state = State::Running;
        let capabilities = ServerCapabilities {
            position_encoding: Some(encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::from(convert::FIX_ALL),
                ]),
                ..CodeActionOptions::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            ..ServerCapabilities::default()
        };
        let result = InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "gazette".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        Response::new_ok(id, result).into()
    }

    /// The client's settings: the object itself, or its `gazette` member.
    fn set_client_settings(&self, value: serde_json::Value) {
        let value = match value {
            serde_json::Value::Object(mut o) if o.contains_key("gazette") => {
                o.remove("gazette").unwrap_or_default()
            }
            other => other,
        };
        *self
            .shared
            .client_settings
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = value;
    }

    fn ask_for_configuration(&mut self) {
        if !self.supports_configuration {
            return;
        }
        self.next_id += 1;
        let id = RequestId::from(format!("gazette-configuration-{}", self.next_id));
        let params = lsp_types::ConfigurationParams {
            items: vec![lsp_types::ConfigurationItem {
                scope_uri: None,
                section: Some("gazette".to_string()),
            }],
        };
        self.config_request = Some(id.clone());
        self.send(
            Request::new(
                id,
                request::WorkspaceConfiguration::METHOD.to_string(),
                params,
            )
            .into(),
        );
    }

    fn response(&mut self, response: Response) {
        if self.config_request.as_ref() != Some(&response.id) {
            return;
        }
        self.config_request = None;
        if let Some(serde_json::Value::Array(mut items)) = response.result {
            if !items.is_empty() {
                self.set_client_settings(items.swap_remove(0));
                self.recheck();
            }
        }
    }

    fn notification(&mut self, n: Notification) -> Flow {
        if n.method == notification::Exit::METHOD {
            return Flow::Exit;
        }
        if self.state != State::Running {
            return Flow::Continue;
        }
        fn parse<P: serde::de::DeserializeOwned>(n: Notification) -> Option<P> {
            serde_json::from_value(n.params).ok()
        }
        match n.method.as_str() {
            notification::Initialized::METHOD => self.ask_for_configuration(),
            notification::DidOpenTextDocument::METHOD => {
                if let Some(p) = parse::<lsp_types::DidOpenTextDocumentParams>(n) {
                    self.documents().insert(
                        p.text_document.uri,
                        Document {
                            version: p.text_document.version,
                            text: p.text_document.text.into(),
                        },
                    );
                    self.recheck();
                }
            }
            notification::DidChangeTextDocument::METHOD => {
                if let Some(p) = parse::<lsp_types::DidChangeTextDocumentParams>(n) {
                    self.change(p);
                    self.recheck();
                }
            }
            notification::DidCloseTextDocument::METHOD => {
                if let Some(p) = parse::<lsp_types::DidCloseTextDocumentParams>(n) {
                    let uri = p.text_document.uri;
                    self.documents().remove(&uri);
                    self.shared
                        .analyses
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .remove(&uri);
                    self.shared.notify::<notification::PublishDiagnostics>(
                        lsp_types::PublishDiagnosticsParams::new(uri, Vec::new(), None),
                    );
                    // The documents it was read with lose what it said.
                    self.recheck();
                }
            }
            notification::DidSaveTextDocument::METHOD
            | notification::DidChangeWatchedFiles::METHOD => self.recheck(),
            notification::DidChangeConfiguration::METHOD => {
                match parse::<lsp_types::DidChangeConfigurationParams>(n) {
                    Some(p) if !p.settings.is_null() => {
                        self.set_client_settings(p.settings);
                        self.recheck();
                    }
                    // A client that sends no settings expects to be asked for them.
                    _ => self.ask_for_configuration(),
                }
            }
            _ => {}
        }
        Flow::Continue
    }

    fn documents(&self) -> std::sync::MutexGuard<'_, HashMap<Url, Document>> {
        self.shared
            .documents
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    /// Applies a change: whole texts, or ranges in the negotiated unit, each against the
    /// text the previous one left.
    fn change(&self, p: lsp_types::DidChangeTextDocumentParams) {
        let encoding = *self
            .shared
            .encoding
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let mut documents = self.documents();
        let Some(document) = documents.get_mut(&p.text_document.uri) else {
            return;
        };
        let mut text = document.text.to_string();
        for change in p.content_changes {
            match change.range {
                None => text = change.text,
                Some(range) => {
                    let bom = text.starts_with('\u{feff}');
                    let body = &text[if bom { 3 } else { 0 }..];
                    let index = crate::source::LineIndex::new(body);
                    let m = Mapper {
                        source: body,
                        index: &index,
                        encoding,
                        bom,
                    };
                    let shift = if bom { 3 } else { 0 };
                    let start = m.offset(range.start) + shift;
                    let end = (m.offset(range.end) + shift).max(start);
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        document.text = text.into();
        document.version = p.text_document.version;
    }

    /// The analysis of `uri` if it is of the buffer's current version: answers about an
    /// older text would point at the wrong characters.
    fn current(&self, uri: &Url) -> Option<Arc<Analysis>> {
        let version = self.documents().get(uri)?.version;
        let analysis = self
            .shared
            .analyses
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(uri)
            .cloned()?;
        (analysis.version == version).then_some(analysis)
    }

    fn code_actions(&self, p: lsp_types::CodeActionParams) -> Vec<lsp_types::CodeAction> {
        let Some(a) = self.current(&p.text_document.uri) else {
            return Vec::new();
        };
        let m = a.mapper();
        let request = convert::ActionRequest {
            from: m.offset(p.range.start),
            to: m.offset(p.range.end),
            only: p.context.only.as_deref(),
            markdown: !a.plain_text,
        };
        convert::code_actions(&a.report, &m, &p.text_document.uri, a.lang, &request)
    }

    fn hover(&self, p: lsp_types::HoverParams) -> Option<lsp_types::Hover> {
        let at = p.text_document_position_params;
        let a = self.current(&at.text_document.uri)?;
        let m = a.mapper();
        let offset = m.offset(at.position);
        let found = convert::hover(&a.report, offset, a.lang);
        let person = people::hover(&a.people, &a.report.path, offset, a.lang);
        let span = found.as_ref().or(person.as_ref())?.1;
        let value = [found, person]
            .into_iter()
            .flatten()
            .map(|(text, _)| text)
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        Some(lsp_types::Hover {
            contents: lsp_types::HoverContents::Markup(lsp_types::MarkupContent {
                kind: lsp_types::MarkupKind::Markdown,
                value,
            }),
            range: Some(m.range(span)),
        })
    }

    fn outline(
        &self,
        p: lsp_types::DocumentSymbolParams,
    ) -> Option<lsp_types::DocumentSymbolResponse> {
        let a = self.current(&p.text_document.uri)?;
        Some(lsp_types::DocumentSymbolResponse::Nested(convert::outline(
            &a.report,
            &a.mapper(),
        )))
    }
}
