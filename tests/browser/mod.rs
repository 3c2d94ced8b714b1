//! A real browser for tests: headless Chromium driven through the DevTools protocol over its
//! websocket, and a small HTTP server on localhost for the pages it opens.
//!
//! The protocol is JSON messages: a command `{id, method, params, sessionId}` gets a reply
//! with the same `id`; everything else is an event, kept here for the test to read. One
//! page is one target attached in "flat" mode, whose events and commands carry its
//! `sessionId`.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};
use tempfile::TempDir;
use tungstenite::{Message, WebSocket};

/// How long one answer of the browser may take before the test gives up.
const PATIENCE: Duration = Duration::from_secs(60);

/// The names Chromium goes by: Debian's `chromium` and `chromium-headless-shell`, and
/// Google's builds.
const NAMES: [&str; 5] = [
    "chromium",
    "chromium-headless-shell",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// The Chromium to use: `$BHXH_PLAN_CHROMIUM`, else the first of [`NAMES`] on the `PATH`.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("BHXH_PLAN_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    NAMES.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// A running headless Chromium and the websocket to it.
pub struct Browser {
    child: Child,
    socket: WebSocket<TcpStream>,
    next_id: u64,
    /// Every event received so far, oldest first.
    pub events: Vec<Value>,
    log: PathBuf,
    _profile: TempDir,
}

impl Browser {
    /// Starts `chromium` headless with a new empty profile and nothing that reaches out to
    /// the network by itself, and connects to it.
    pub fn launch(chromium: &Path) -> Result<Browser, String> {
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let data = profile.path().join("data");
        let log = profile.path().join("chromium.log");
        let stderr = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let child = Command::new(chromium)
            .args([
                "--headless",
                // Tests run as root in CI, where Chromium's sandbox cannot start.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // Nothing but the pages under test may touch the network.
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--mute-audio",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", data.display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start `{}`: {e}", chromium.display()))?;
        let mut browser = BrowserStart { child, log, data };
        let (port, path) = browser.wait_for_port()?;
        let stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(PATIENCE))
            .map_err(|e| e.to_string())?;
        let url = format!("ws://127.0.0.1:{port}{path}");
        let (socket, _) = tungstenite::client(url.as_str(), stream)
            .map_err(|e| format!("cannot open the DevTools websocket {url}: {e}"))?;
        let BrowserStart { child, log, .. } = browser;
        Ok(Browser {
            child,
            socket,
            next_id: 0,
            events: Vec::new(),
            log,
            _profile: profile,
        })
    }

    /// What Chromium wrote on stderr, for a failure's message.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends a command and waits for its reply, keeping the events that come before it.
    pub fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
    ) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .map_err(|e| format!("{method}: {e}"))?;
        loop {
            let message = self.read()?;
            if message["id"].as_u64() != Some(id) {
                self.events.push(message);
                continue;
            }
            if let Some(error) = message.get("error") {
                return Err(format!("{method}: {error}"));
            }
            return Ok(message["result"].clone());
        }
    }

    /// Waits for the event `method` of `session` received after the first `from` events.
    pub fn wait_for(&mut self, session: &str, method: &str, from: usize) -> Result<Value, String> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let found = self.events[from.min(self.events.len())..]
                .iter()
                .find(|e| e["method"] == method && e["sessionId"] == session);
            if let Some(event) = found {
                return Ok(event.clone());
            }
            if Instant::now() > deadline {
                return Err(format!("no {method} within {PATIENCE:?}"));
            }
            let message = self.read()?;
            self.events.push(message);
        }
    }

    fn read(&mut self) -> Result<Value, String> {
        loop {
            let message = self
                .socket
                .read()
                .map_err(|e| format!("reading from Chromium: {e}"))?;
            if let Message::Text(text) = message {
                return serde_json::from_str(&text).map_err(|e| e.to_string());
            }
        }
    }

    /// Opens a new tab and turns on the events the tests read: the page's loads, the
    /// console and exceptions, the log, and the network.
    pub fn new_tab(&mut self) -> Result<String, String> {
        let target = self.call(None, "Target.createTarget", json!({"url": "about:blank"}))?;
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target["targetId"], "flatten": true}),
        )?;
        let session = attached["sessionId"]
            .as_str()
            .ok_or("no sessionId")?
            .to_string();
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            self.call(Some(&session), domain, json!({}))?;
        }
        Ok(session)
    }

    /// Loads `url` in the tab and waits for its load event.
    pub fn navigate(&mut self, session: &str, url: &str) -> Result<(), String> {
        let from = self.events.len();
        let result = self.call(Some(session), "Page.navigate", json!({"url": url}))?;
        if let Some(error) = result.get("errorText") {
            return Err(format!("{url}: {error}"));
        }
        self.wait_for(session, "Page.loadEventFired", from)?;
        Ok(())
    }

    /// The value of a JavaScript expression in the tab.
    pub fn eval(&mut self, session: &str, expression: &str) -> Result<Value, String> {
        let result = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        )?;
        if let Some(details) = result.get("exceptionDetails") {
            return Err(format!("{expression}: {details}"));
        }
        Ok(result["result"]["value"].clone())
    }

    /// A PNG of the whole page as a window `width` CSS pixels wide shows it (a phone's
    /// viewport below 600).
    pub fn screenshot(&mut self, session: &str, width: u32) -> Result<Vec<u8>, String> {
        let metrics = |height: u64| json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600});
        self.call(
            Some(session),
            "Emulation.setDeviceMetricsOverride",
            metrics(900),
        )?;
        let height = self
            .eval(session, "Math.ceil(document.documentElement.scrollHeight)")?
            .as_u64()
            .unwrap_or(900)
            .clamp(300, 12_000);
        self.call(
            Some(session),
            "Emulation.setDeviceMetricsOverride",
            metrics(height),
        )?;
        let shot = self.call(
            Some(session),
            "Page.captureScreenshot",
            json!({"format": "png"}),
        )?;
        self.call(
            Some(session),
            "Emulation.clearDeviceMetricsOverride",
            json!({}),
        )?;
        let data = shot["data"].as_str().ok_or("no screenshot data")?;
        base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| e.to_string())
    }

    /// Console errors, failed assertions, uncaught exceptions and error log entries of
    /// `session` among the events after the first `from`.
    pub fn errors(&self, session: &str, from: usize) -> Vec<String> {
        let mut errors = Vec::new();
        for event in self.events[from.min(self.events.len())..]
            .iter()
            .filter(|e| e["sessionId"] == session)
        {
            let params = &event["params"];
            match event["method"].as_str() {
                Some("Runtime.consoleAPICalled")
                    if matches!(params["type"].as_str(), Some("error" | "assert")) =>
                {
                    errors.push(format!("console.{}: {}", params["type"], params["args"]))
                }
                Some("Runtime.exceptionThrown") => {
                    errors.push(format!("exception: {}", params["exceptionDetails"]))
                }
                Some("Log.entryAdded") if params["entry"]["level"] == "error" => {
                    errors.push(format!("log: {}", params["entry"]))
                }
                Some("Network.loadingFailed") => errors.push(format!("request failed: {params}")),
                _ => {}
            }
        }
        errors
    }

    /// Every URL `session` requested after the first `from` events, with its HTTP status
    /// (0 where no response came).
    pub fn requests(&self, session: &str, from: usize) -> Vec<(String, u64)> {
        let events = &self.events[from.min(self.events.len())..];
        let mine = || events.iter().filter(|e| e["sessionId"] == session);
        mine()
            .filter(|e| e["method"] == "Network.requestWillBeSent")
            .map(|e| {
                let id = &e["params"]["requestId"];
                let url = e["params"]["request"]["url"].as_str().unwrap_or_default();
                let status = mine()
                    .find(|r| {
                        r["method"] == "Network.responseReceived" && &r["params"]["requestId"] == id
                    })
                    .and_then(|r| r["params"]["response"]["status"].as_u64())
                    .unwrap_or(0);
                (url.to_string(), status)
            })
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.call(None, "Browser.close", json!({}));
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Chromium started, before its websocket is known.
struct BrowserStart {
    child: Child,
    log: PathBuf,
    data: PathBuf,
}

impl BrowserStart {
    /// Chromium writes the port and path of its websocket to `DevToolsActivePort` in its
    /// profile once it listens.
    fn wait_for_port(&mut self) -> Result<(u16, String), String> {
        let file = self.data.join("DevToolsActivePort");
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(text) = std::fs::read_to_string(&file) {
                let mut lines = text.lines();
                if let (Some(port), Some(path)) = (lines.next(), lines.next()) {
                    let port = port
                        .trim()
                        .parse()
                        .map_err(|_| format!("bad port {port:?}"))?;
                    return Ok((port, path.trim().to_string()));
                }
            }
            let log = || std::fs::read_to_string(&self.log).unwrap_or_default();
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "Chromium exited ({status}) before listening:\n{}",
                    log()
                ));
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                return Err(format!(
                    "Chromium did not listen within {PATIENCE:?}:\n{}",
                    log()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A static file server on 127.0.0.1 for one folder; it lives as long as the test process.
pub struct Server {
    /// `http://127.0.0.1:PORT/`
    pub base: String,
    /// Every path asked for, with the status given.
    pub log: Arc<Mutex<Vec<(String, u16)>>>,
}

/// Serves `root` on a free port of 127.0.0.1, each connection on its own thread (Chromium
/// opens connections it may never use).
pub fn serve(root: PathBuf) -> Server {
    let listener = TcpListener::bind(("127.0.0.1", 0)).expect("a free port on 127.0.0.1");
    let base = format!("http://{}/", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let shared = Arc::clone(&log);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, log) = (root.clone(), Arc::clone(&shared));
            std::thread::spawn(move || {
                let _ = answer(stream, &root, &log);
            });
        }
    });
    Server { base, log }
}

fn answer(stream: TcpStream, root: &Path, log: &Mutex<Vec<(String, u16)>>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    let file = root.join(path.trim_start_matches('/'));
    let file = if file.is_dir() {
        file.join("index.html")
    } else {
        file
    };
    let inside = !path.split('/').any(|part| part == "..");
    let (status, body) = match std::fs::read(&file) {
        Ok(body) if inside => (200, body),
        _ => (404, b"not found".to_vec()),
    };
    log.lock().unwrap().push((path, status));
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css",
        Some("js") => "text/javascript",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    let reason = if status == 200 { "OK" } else { "Not Found" };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}

/// `%E1%BA%A1` → the bytes it stands for, read as UTF-8.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
