//! Helpers for the app tests: small maps, a file dialog that answers from a script, and a
//! harness around the whole app.

#![allow(dead_code)]
// each test binary uses its own subset
// Helpers fail the test loudly when something they set up goes wrong.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui;
use egui_kittest::Harness;
use stancemap::app::StanceApp;
use stancemap::app::windows::dialogs::{DialogBackend, FileDialogs, FileRequest};
use stancemap::model::{Claim, Edit, Map, Point};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub mod memory_storage;
pub mod pointer;

/// A file dialog that answers each request with the next scripted path (`None` = cancel) and
/// remembers what it was asked.
#[derive(Default)]
pub struct ScriptedDialogs {
    answers: Mutex<VecDeque<Option<PathBuf>>>,
    /// Every request, in order.
    pub asked: Mutex<Vec<FileRequest>>,
    /// `Some(reason)` makes the dialog unavailable.
    pub unavailable: Option<String>,
}

impl ScriptedDialogs {
    /// Dialogs that cannot be shown, for `reason`.
    pub fn unavailable(reason: &str) -> Self {
        ScriptedDialogs {
            unavailable: Some(reason.to_owned()),
            ..ScriptedDialogs::default()
        }
    }

    /// Queues the answer to the next request.
    pub fn answer(&self, path: Option<&Path>) {
        self.answers
            .lock()
            .unwrap()
            .push_back(path.map(Path::to_path_buf));
    }
}

impl DialogBackend for ScriptedDialogs {
    fn check_available(&self) -> Result<(), String> {
        match &self.unavailable {
            Some(reason) => Err(reason.clone()),
            None => Ok(()),
        }
    }

    fn pick(&self, request: &FileRequest) -> Option<PathBuf> {
        self.asked.lock().unwrap().push(request.clone());
        self.answers
            .lock()
            .unwrap()
            .pop_front()
            .expect("the test asked for a file without scripting an answer")
    }
}

/// A map titled `title` with one claim per label.
pub fn small_map(title: &str, labels: &[&str]) -> Map {
    let mut map = Map::new(title);
    for (i, label) in labels.iter().enumerate() {
        let id = map.id_allocator().claim();
        let at = Point::new(i as f32 * 200.0, 0.0);
        map.apply(Edit::AddClaim(Claim::new(id, *label, at)))
            .unwrap();
    }
    map
}

/// Writes `map` to `dir/name` and returns the path.
pub fn write_map(dir: &Path, name: &str, map: &Map) -> PathBuf {
    let path = dir.join(name);
    stancemap::io::save_file(&path, map).unwrap();
    path
}

/// The app on `map` from `path`, with scripted file dialogs.
pub fn app(map: Map, path: Option<PathBuf>) -> (StanceApp, Arc<ScriptedDialogs>) {
    app_with_dialogs(map, path, ScriptedDialogs::default())
}

/// The app with the given scripted dialogs.
pub fn app_with_dialogs(
    map: Map,
    path: Option<PathBuf>,
    dialogs: ScriptedDialogs,
) -> (StanceApp, Arc<ScriptedDialogs>) {
    let dialogs = Arc::new(dialogs);
    let backend: Arc<dyn DialogBackend> = dialogs.clone();
    let app = StanceApp::new(map, path).with_dialogs(FileDialogs::new(backend));
    (app, dialogs)
}

/// A window-sized harness running the app as eframe would (logic, then ui).
pub fn harness(app: StanceApp) -> Harness<'static, StanceApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        // These tests drive the UI, not the fonts: a machine without a CJK font draws the
        // example's Chinese as boxes. The snapshot and export tests check glyphs.
        .allow_missing_glyphs()
        .build_eframe(move |_cc| app);
    harness.run();
    harness
}

/// Steps the harness until `done` holds (the dialog thread has answered, a file was written).
pub fn wait_for(
    harness: &mut Harness<'static, StanceApp>,
    what: &str,
    done: impl Fn(&StanceApp) -> bool,
) {
    for _ in 0..1000 {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("timed out waiting until {what}");
}

/// Presses a shortcut and lets the app react.
pub fn press(
    harness: &mut Harness<'static, StanceApp>,
    modifiers: egui::Modifiers,
    key: egui::Key,
) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Ctrl and Shift together.
pub const CTRL_SHIFT: egui::Modifiers = egui::Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

/// Adds a claim as the user would, as one undo step.
pub fn add_claim(harness: &mut Harness<'static, StanceApp>, label: &str) {
    let app = harness.state_mut();
    let id = app.map().id_allocator().claim();
    assert!(app.apply(Edit::AddClaim(Claim::new(
        id,
        label,
        Point::new(0.0, 300.0)
    ))));
    harness.run();
}

/// Steps the app in real time until no layout runs and its glide has played out.
pub fn settle_layout(harness: &mut Harness<'static, StanceApp>) {
    let start = std::time::Instant::now();
    while harness.state().is_laying_out() && start.elapsed() < Duration::from_secs(60) {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !harness.state().is_laying_out(),
        "the layout did not finish"
    );
    let glide = std::time::Instant::now();
    while glide.elapsed() < Duration::from_millis(700) {
        harness.step();
        std::thread::sleep(Duration::from_millis(30));
    }
    harness.run();
}
