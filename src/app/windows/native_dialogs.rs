//! The operating system's file dialogs, through rfd.
//!
//! rfd answers `None` both when the user cancels and when it could not show anything at all
//! (on Linux: no desktop portal on the session bus and no zenity). To tell the two apart, the
//! backend first looks for a portal and for zenity itself, so the app can say why no dialog
//! appeared and offer a path field instead of silently doing nothing.

use crate::app::windows::dialogs::{DialogBackend, DialogKind, FileRequest};
use std::path::PathBuf;
use std::sync::OnceLock;

/// Native file dialogs; what the system offers is looked up once, on first use.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    availability: OnceLock<Result<(), String>>,
}

impl DialogBackend for NativeDialogs {
    fn check_available(&self) -> Result<(), String> {
        self.availability.get_or_init(probe).clone()
    }

    fn pick(&self, request: &FileRequest) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(&request.title);
        if !request.extensions.is_empty() {
            dialog = dialog.add_filter(&request.filter_name, &request.extensions);
        }
        if let Some(folder) = &request.folder {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = &request.file_name {
            dialog = dialog.set_file_name(name);
        }
        match request.kind {
            DialogKind::Open => dialog.pick_file(),
            DialogKind::Save => dialog.save_file(),
        }
    }
}

/// Whether a dialog can be shown: on Linux a desktop portal or zenity is needed; elsewhere the
/// system always has one.
fn probe() -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        if program_on_path("zenity") {
            return Ok(());
        }
        match portal::file_chooser_reachable() {
            Ok(true) => Ok(()),
            Ok(false) => Err(
                "there is no desktop portal (xdg-desktop-portal) on the session bus and zenity \
                 is not installed"
                    .to_owned(),
            ),
            Err(reason) => Err(format!(
                "there is no desktop portal ({reason}) and zenity is not installed"
            )),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        Ok(())
    }
}

/// Whether an executable called `name` is in one of the `PATH` folders.
#[cfg(target_os = "linux")]
fn program_on_path(name: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|folder| {
        std::fs::metadata(folder.join(name))
            .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
    })
}

#[cfg(target_os = "linux")]
mod portal {
    //! Asks the D-Bus session bus whether the desktop portal, which shows file dialogs for
    //! sandboxed and unsandboxed apps alike, is running or can be started.

    const PORTAL: &str = "org.freedesktop.portal.Desktop";

    /// `Ok(false)` when the bus has no portal; `Err` when there is no session bus at all.
    pub fn file_chooser_reachable() -> Result<bool, String> {
        let plain = |e: zbus::Error| match e {
            zbus::Error::Address(_) | zbus::Error::InputOutput(_) | zbus::Error::Connection(..) => {
                "no D-Bus session bus".to_owned()
            }
            other => other.to_string(),
        };
        let connection = zbus::blocking::Connection::session().map_err(plain)?;
        let bus = zbus::blocking::fdo::DBusProxy::new(&connection).map_err(plain)?;
        let name = zbus::names::BusName::try_from(PORTAL).map_err(|e| e.to_string())?;
        if bus.name_has_owner(name).map_err(|e| e.to_string())? {
            return Ok(true);
        }
        let startable = bus.list_activatable_names().map_err(|e| e.to_string())?;
        Ok(startable.iter().any(|n| n.as_str() == PORTAL))
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn programs_are_found_on_the_path() {
        assert!(super::program_on_path("sh"));
        assert!(!super::program_on_path("no-such-program-stancemap"));
    }
}
