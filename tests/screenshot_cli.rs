//! End to end: the real binary opens the example map in a real window on a virtual X screen
//! (Xvfb), saves a PNG of it with `stancemap screenshot`, and exits.

// Helpers fail the test loudly when the screen or the binary cannot be started.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[path = "common/needs.rs"]
mod needs;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/maps/putin-biden-call-2021.ron"
);

/// A virtual X screen, stopped (by its process id) when dropped.
struct VirtualScreen {
    process: Child,
    display: String,
}

impl VirtualScreen {
    /// Starts Xvfb on the first free display number from 140 up.
    fn start() -> VirtualScreen {
        let xvfb = needs::program("Xvfb", "xvfb xauth");
        for number in 140..240 {
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
            let lock = PathBuf::from(format!("/tmp/.X{number}-lock"));
            if socket.exists() || lock.exists() {
                continue;
            }
            let display = format!(":{number}");
            let process = Command::new(&xvfb)
                .args([&display, "-screen", "0", "1600x1200x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start Xvfb");
            let mut screen = VirtualScreen { process, display };
            if screen.wait_for_socket(&socket) {
                return screen;
            }
            // Another Xvfb took the number first: try the next one.
            let _ = screen.process.kill();
        }
        panic!("no free X display number between 140 and 240");
    }

    fn wait_for_socket(&mut self, socket: &Path) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if socket.exists() {
                return true;
            }
            if let Ok(Some(_)) = self.process.try_wait() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

impl Drop for VirtualScreen {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Runs the binary, killing it if it hangs (a guard against a stuck window, not a speed test).
fn run_screenshot(screen: &VirtualScreen, args: &[&str], home: &Path) -> std::process::Output {
    let runtime = home.join("runtime");
    std::fs::create_dir_all(&runtime).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("screenshot")
        .args(args)
        .env("DISPLAY", &screen.display)
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("stancemap screenshot did not finish");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
#[ignore = "needs Xvfb (apt install xvfb xauth)"]
fn screenshot_of_the_example_map_in_a_real_window() {
    let screen = VirtualScreen::start();
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("example.png");
    let output = run_screenshot(
        &screen,
        &[EXAMPLE, "-o", out.to_str().unwrap(), "--size", "1100x700"],
        home.path(),
    );
    assert!(
        output.status.success(),
        "stancemap screenshot failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let picture = image::open(&out).unwrap().to_rgb8();
    assert_eq!(picture.dimensions(), (1100, 700));

    // Not blank: many colours (text, nodes, edges), and a good share of pixels that are not
    // the background.
    let mut counts = std::collections::HashMap::new();
    for pixel in picture.pixels() {
        *counts.entry(pixel.0).or_insert(0usize) += 1;
    }
    let total = (picture.width() * picture.height()) as usize;
    let background = counts.values().copied().max().unwrap();
    assert!(counts.len() > 200, "only {} colours", counts.len());
    assert!(
        total - background > total / 20,
        "almost everything is one colour"
    );
    // Nothing of the run is kept: no settings or recovery copies in the data folder.
    assert!(!home.path().join("data/stancemap").exists());
}

#[test]
fn screenshot_of_a_broken_file_fails_with_its_problems() {
    let home = tempfile::tempdir().unwrap();
    let broken = home.path().join("broken.ron");
    std::fs::write(&broken, "(version: 1, title: \"\",").unwrap();
    // Fails before any window opens, so no screen is needed.
    let output = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(["screenshot", broken.to_str().unwrap(), "-o"])
        .arg(home.path().join("never.png"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:1:", broken.display())),
        "{stderr}"
    );
    assert!(!home.path().join("never.png").exists());
}
