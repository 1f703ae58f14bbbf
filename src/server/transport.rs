//! The base protocol: `Content-Length` frames of JSON-RPC on a byte stream. Written here
//! rather than taken from `lsp_server::Connection::stdio` because that reader ends the
//! connection on the first malformed frame; a server must answer it and keep reading.

use std::io::{self, BufRead, Write};

use lsp_server::{ErrorCode, Message, RequestId, Response};

/// One frame as read.
pub enum Frame {
    Message(Message),
    /// A frame that is not a JSON-RPC message: the error response to send back (its id is
    /// null when none could be read, as JSON-RPC asks).
    Malformed(Response),
}

/// The largest frame accepted. A document of tens of megabytes is still read (the checker
/// has its own limit); a length beyond this is a corrupt header, not a document.
const MAX_FRAME: usize = 256 * 1024 * 1024;

/// Reads the next frame; `Ok(None)` at the end of the stream.
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = Vec::new();
    let mut saw_header = false;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            // Blank lines between frames are noise, not a frame.
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(
                    value
                        .trim()
                        .parse::<usize>()
                        .map_err(|e| format!("Content-Length `{}`: {e}", value.trim()))
                        .and_then(|n| {
                            if n > MAX_FRAME {
                                Err(format!("Content-Length {n} is larger than {MAX_FRAME}"))
                            } else {
                                Ok(n)
                            }
                        }),
                );
            }
        }
    }
    let length = match length {
        Some(Ok(n)) => n,
        Some(Err(message)) => return Ok(Some(malformed(None, message))),
        None => {
            return Ok(Some(malformed(
                None,
                "a frame without Content-Length".to_string(),
            )))
        }
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(parse(&body)))
}

fn parse(body: &[u8]) -> Frame {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return malformed(None, format!("not JSON: {e}")),
    };
    let id = value
        .get("id")
        .cloned()
        .and_then(|id| serde_json::from_value::<RequestId>(id).ok());
    // `Message` is untagged: without these checks `{"id":3,"method":7}` would read as a
    // response with neither result nor error, and go unanswered.
    let shaped = match value.get("method") {
        Some(method) => method.is_string(),
        None => value.get("result").is_some() || value.get("error").is_some(),
    };
    if !shaped {
        return Frame::Malformed(Response::new_err(
            id.unwrap_or_else(null_id),
            ErrorCode::InvalidRequest as i32,
            "not a JSON-RPC request, notification or response".to_string(),
        ));
    }
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Frame::Message(message),
        Err(e) => Frame::Malformed(Response::new_err(
            id.unwrap_or_else(null_id),
            ErrorCode::InvalidRequest as i32,
            format!("not a JSON-RPC message: {e}"),
        )),
    }
}

fn malformed(id: Option<RequestId>, message: String) -> Frame {
    Frame::Malformed(Response::new_err(
        id.unwrap_or_else(null_id),
        ErrorCode::ParseError as i32,
        message,
    ))
}

/// JSON-RPC answers an unreadable request with `"id": null`; `RequestId` has no null, so the
/// response is written by [`write`] with the id replaced.
fn null_id() -> RequestId {
    RequestId::from(NULL_ID.to_string())
}

const NULL_ID: &str = "\u{0}null";

pub fn write(output: &mut impl Write, message: &Message) -> io::Result<()> {
    let mut value = serde_json::to_value(message)?;
    if let Some(id) = value.get_mut("id") {
        if id.as_str() == Some(NULL_ID) {
            *id = serde_json::Value::Null;
        }
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("jsonrpc".into(), "2.0".into());
    }
    let body = serde_json::to_string(&value)?;
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<serde_json::Value> {
        let mut reader = io::BufReader::new(input.as_bytes());
        let mut out = Vec::new();
        while let Some(frame) = read(&mut reader).unwrap() {
            let message = match frame {
                Frame::Message(m) => m,
                Frame::Malformed(r) => Message::Response(r),
            };
            let mut bytes = Vec::new();
            write(&mut bytes, &message).unwrap();
            let text = String::from_utf8(bytes).unwrap();
            let body = text.split_once("\r\n\r\n").unwrap().1;
            out.push(serde_json::from_str(body).unwrap());
        }
        out
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_frames_get_errors_and_reading_goes_on() {
        let ok = r#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;
        let input = [
            frame("{not json"),
            "Content-Type: x\r\n\r\n".to_string(),
            "Content-Length: lots\r\n\r\n".to_string(),
            frame(r#"{"jsonrpc":"2.0","id":3,"method":7}"#),
            frame(ok),
        ]
        .concat();
        let out = frames(&input);
        assert_eq!(out.len(), 5, "{out:?}");
        assert_eq!(out[0]["error"]["code"], -32700);
        assert_eq!(out[0]["id"], serde_json::Value::Null);
        assert_eq!(out[1]["error"]["code"], -32700);
        assert_eq!(out[2]["error"]["code"], -32700);
        assert_eq!(out[3]["error"]["code"], -32600);
        assert_eq!(out[3]["id"], 3);
        assert_eq!(out[4]["method"], "shutdown");
    }
}
