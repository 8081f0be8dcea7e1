//! The app around the canvas: the state of file dialogs, prompts, recovery, the palette,
//! settings and help, and the hooks [`StanceApp`] calls at the start and end of each frame.

use crate::app::StanceApp;
use crate::app::commands::Command;
use crate::app::document::Document;
use crate::app::document::disk_changes::{DiskChange, disk_change_ui};
use crate::app::document::recovery::{Recovery, RecoveryCopy};
use crate::app::document::settings::{RecentEntry, SavedCamera, ThemeChoice, ViewSettings};
use crate::app::document::text_saves::TextSaves;
use crate::app::document::title::{TitleSync, window_title};
use crate::app::panels::menu::{MenuPick, MenuState};
use crate::app::windows::dialogs::{DialogTicket, FileDialogs};
use crate::app::windows::help::HelpWindows;
use crate::app::windows::palette::{Palette, PalettePick};
use crate::app::windows::prompts::{
    ErrorReport, Intent, RecoveryChoice, error_report_ui, recovery_offer_ui, unsaved_changes_ui,
};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Everything the app keeps for files, prompts, recovery, palette, settings and help.
#[derive(Debug)]
pub struct Surroundings {
    /// The file dialog service (any feature may ask it for a file).
    pub dialogs: FileDialogs,
    /// The open dialog waiting for the user.
    pub(in crate::app) open_ticket: Option<DialogTicket>,
    /// Text files (tables, reports) waiting for the user to choose where to save them.
    pub(in crate::app) text_saves: TextSaves,
    /// The save dialog waiting for the user, and what to do after saving.
    pub(in crate::app) save_ticket: Option<(DialogTicket, Option<Intent>)>,
    /// The unsaved-changes question on screen, with what waits behind it.
    pub(in crate::app) prompt: Option<Intent>,
    /// Error reports not yet closed, first one shown.
    pub(in crate::app) errors: Vec<ErrorReport>,
    /// The changed-on-disk question on screen, if any.
    pub(in crate::app) disk_change: Option<DiskChange>,
    /// The state of the map's file the user was last asked about, so focusing the window
    /// again does not ask twice about the same change.
    pub(in crate::app) disk_change_seen: Option<crate::io::DiskStamp>,
    /// This session's recovery copy, when recovery is on.
    pub(in crate::app) recovery: Option<Recovery>,
    /// Copies left behind by sessions that crashed, first one offered.
    pub(in crate::app) recovery_offers: Vec<RecoveryCopy>,
    /// View state kept across runs.
    pub(in crate::app) settings: ViewSettings,
    pub(in crate::app) palette: Palette,
    pub(in crate::app) help: HelpWindows,
    pub(in crate::app) title: TitleSync,
    /// Set once the user has agreed to close (or nothing was unsaved).
    pub(in crate::app) allow_close: bool,
    /// Where settings and recovery copies live, for the About window.
    pub(in crate::app) data_folder: Option<PathBuf>,
    applied_theme: Option<ThemeChoice>,
}

impl Default for Surroundings {
    fn default() -> Self {
        Surroundings {
            dialogs: FileDialogs::native(),
            open_ticket: None,
            text_saves: TextSaves::default(),
            save_ticket: None,
            prompt: None,
            errors: Vec::new(),
            disk_change: None,
            disk_change_seen: None,
            recovery: None,
            recovery_offers: Vec::new(),
            settings: ViewSettings::default(),
            palette: Palette::default(),
            help: HelpWindows::default(),
            title: TitleSync::default(),
            allow_close: false,
            data_folder: None,
            applied_theme: None,
        }
    }
}

impl StanceApp {
    /// Uses `dialogs` for file dialogs (tests hand in a backend that answers with paths).
    pub fn with_dialogs(mut self, dialogs: FileDialogs) -> Self {
        self.surroundings.dialogs = dialogs;
        self
    }

    /// Starts from `settings` (recent files, theme, …) read from storage.
    pub fn with_settings(mut self, settings: ViewSettings) -> Self {
        self.surroundings.settings = settings;
        self
    }

    /// Keeps recovery copies of unsaved work in `dir`, written at most every `interval`, and
    /// offers the copies that crashed sessions left there.
    pub fn enable_recovery(&mut self, dir: &Path, interval: Duration) -> Result<(), String> {
        let (recovery, left_behind) = Recovery::start(dir, interval)?;
        self.surroundings.recovery = Some(recovery);
        self.surroundings.recovery_offers = left_behind;
        Ok(())
    }

    /// After a crash, when no file was named on the command line: opens the file the first
    /// recovery copy belongs to, so that its offer to restore stands over the map the work was
    /// done on rather than over the example map. Returns whether it did.
    pub fn open_file_of_recovery_copy(&mut self) -> bool {
        let Some(path) = self
            .surroundings
            .recovery_offers
            .first()
            .and_then(|copy| copy.original.clone())
        else {
            return false;
        };
        match crate::io::load_file_stamped(&path) {
            Ok((map, stamp)) => {
                let offers = std::mem::take(&mut self.surroundings.recovery_offers);
                self.replace_document(Document::opened(map, path.clone(), stamp));
                self.surroundings.recovery_offers = offers;
                self.surroundings.settings.recent.add(&path);
                self.surroundings.settings.last_file = Some(path);
                true
            }
            Err(_) => false,
        }
    }

    /// The view state kept across runs.
    pub fn settings(&self) -> &ViewSettings {
        &self.surroundings.settings
    }

    /// The file dialog service, for features that need the user to pick a file.
    pub fn dialogs(&mut self) -> &mut FileDialogs {
        &mut self.surroundings.dialogs
    }

    /// The title the window shows now.
    pub fn window_title(&self) -> String {
        window_title(self.doc.map(), self.doc.path(), self.doc.is_dirty())
    }

    /// The error report on screen, if any.
    pub fn error_report(&self) -> Option<&ErrorReport> {
        self.surroundings.errors.first()
    }

    /// What waits behind the unsaved-changes question on screen, if it is.
    pub fn pending_prompt(&self) -> Option<&Intent> {
        self.surroundings.prompt.as_ref()
    }

    /// Recovery copies from crashed sessions not yet dealt with.
    pub fn recovery_offers(&self) -> &[RecoveryCopy] {
        &self.surroundings.recovery_offers
    }

    /// Where this session writes its recovery copy, when recovery is on.
    pub fn recovery_copy_path(&self) -> Option<&Path> {
        self.surroundings.recovery.as_ref().map(Recovery::copy_path)
    }

    /// Whether the window may close now (the user agreed, or nothing is unsaved).
    pub fn may_close(&self) -> bool {
        self.surroundings.allow_close || !self.doc.is_dirty()
    }

    /// Whether a modal window has the keyboard, so shortcuts must wait.
    pub fn modal_is_open(&self) -> bool {
        let around = &self.surroundings;
        around.prompt.is_some()
            || !around.errors.is_empty()
            || around.disk_change.is_some()
            || !around.recovery_offers.is_empty()
            || around.dialogs.is_showing_path_field()
            || around.palette.is_open()
            || self.formats.pending.is_some()
            || self.layout.pinned_offer.is_some()
    }

    /// Start of a frame: theme, close requests, dialog answers and dropped files.
    pub(in crate::app) fn begin_frame(&mut self, ctx: &egui::Context) {
        if self.surroundings.applied_theme != Some(self.surroundings.settings.theme) {
            ctx.set_theme(self.surroundings.settings.theme.preference());
            self.surroundings.applied_theme = Some(self.surroundings.settings.theme);
        }
        self.handle_close_request(ctx);
        self.poll_file_dialogs(ctx);
        if !self.modal_is_open() {
            self.check_disk_on_focus(ctx);
        }
        if !self.modal_is_open() {
            self.handle_dropped_files(ctx);
        }
    }

    /// The windows around the canvas: help, palette, prompts, reports, path fields. Returns
    /// the commands picked in the palette.
    pub(in crate::app) fn surrounding_windows(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let data_folder = self.surroundings.data_folder.clone();
        self.surroundings.help.ui(ctx, data_folder.as_deref());
        // One question at a time, the most urgent first.
        if let Some(report) = self.surroundings.errors.first() {
            if error_report_ui(ctx, report) {
                self.surroundings.errors.remove(0);
            }
        } else if let Some(change) = &self.surroundings.disk_change {
            if let Some(choice) = disk_change_ui(ctx, change, self.doc.is_dirty()) {
                self.answer_disk_change(ctx, choice);
            }
        } else if let Some(intent) = &self.surroundings.prompt {
            let name = self.doc.path().and_then(Path::file_name).map_or_else(
                || self.doc.map().title().to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
            if let Some(choice) = unsaved_changes_ui(ctx, &name, intent) {
                self.answer_prompt(ctx, choice);
            }
        } else if let Some(copy) = self.surroundings.recovery_offers.first()
            && let Some(choice) = recovery_offer_ui(ctx, copy)
        {
            self.answer_recovery_offer(choice);
        }
        self.surroundings.dialogs.ui(ctx);
        let recent = self.surroundings.settings.recent.clone();
        let mut palette = std::mem::take(&mut self.surroundings.palette);
        let picked = palette.ui(ctx, |c| self.is_enabled(c), &recent);
        self.surroundings.palette = palette;
        match picked {
            Some(PalettePick::Command(command)) => commands.push(command),
            Some(PalettePick::File(path)) => self.request(ctx, Intent::Open(path)),
            None => {}
        }
        drop_hint(ctx);
        commands
    }

    /// End of a frame: window title, recovery copy.
    pub(in crate::app) fn end_frame(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        self.surroundings.title.update(ctx, title);
        if let Some(recovery) = &mut self.surroundings.recovery {
            recovery.tick(ctx, &self.doc);
            if let Some(problem) = recovery.take_error() {
                self.status = Some(problem);
            }
        }
    }

    /// Acts on a menu pick.
    pub(in crate::app) fn run_menu_pick(&mut self, ctx: &egui::Context, pick: MenuPick) {
        match pick {
            MenuPick::Command(command) => self.run(ctx, command),
            MenuPick::OpenRecent(path) => self.request(ctx, Intent::Open(path)),
            MenuPick::ClearRecent => self.surroundings.settings.recent.clear(),
        }
    }

    fn answer_recovery_offer(&mut self, choice: RecoveryChoice) {
        if self.surroundings.recovery_offers.is_empty() {
            return;
        }
        let copy = self.surroundings.recovery_offers.remove(0);
        match choice {
            RecoveryChoice::Later => {}
            RecoveryChoice::Discard => copy.discard(),
            RecoveryChoice::Restore => match copy.load() {
                Ok(map) => {
                    self.replace_document(Document::recovered(map, copy.original.clone()));
                    copy.discard();
                    self.status = Some(format!(
                        "Restored unsaved changes written at {}; save to keep them",
                        copy.saved_at
                    ));
                }
                Err(problem) => self.surroundings.errors.push(ErrorReport {
                    title: "Could not restore the recovery copy".to_owned(),
                    summary: format!(
                        "The copy at {} cannot be read; it is kept, and offered again next time.",
                        copy.path().display()
                    ),
                    lines: vec![problem],
                }),
            },
        }
    }

    /// The parts of a document change that belong to this file.
    pub(in crate::app) fn surroundings_document_replaced(&mut self) {
        if let Some(recovery) = &mut self.surroundings.recovery {
            recovery.document_replaced();
        }
    }

    /// Writes the view state to eframe's storage.
    pub(in crate::app) fn store_settings(&mut self, storage: &mut dyn eframe::Storage) {
        self.surroundings.settings.camera = Some(SavedCamera {
            file: self.doc.path().map(Path::to_path_buf),
            center: [self.canvas.camera.center.x, self.canvas.camera.center.y],
            zoom: self.canvas.camera.zoom,
        });
        self.surroundings.settings.store(storage);
    }

    /// Clean exit: the recovery copy is no longer needed.
    pub(in crate::app) fn finish_session(&mut self) {
        if let Some(recovery) = &mut self.surroundings.recovery {
            recovery.finish();
        }
    }
}

impl MenuState for StanceApp {
    fn is_enabled(&self, command: Command) -> bool {
        StanceApp::is_enabled(self, command)
    }

    fn is_checked(&self, command: Command) -> Option<bool> {
        let theme = self.surroundings.settings.theme;
        match command {
            Command::ThemeSystem => Some(theme == ThemeChoice::System),
            Command::ThemeLight => Some(theme == ThemeChoice::Light),
            Command::ThemeDark => Some(theme == ThemeChoice::Dark),
            Command::ToggleLegend => Some(self.canvas.show_legend),
            Command::ToggleMinimap => Some(self.canvas.show_minimap),
            Command::ShowReader => Some(self.reader.open),
            _ => None,
        }
    }

    fn recent_files(&self) -> Vec<RecentEntry> {
        self.surroundings.settings.recent.entries()
    }
}

/// While files are dragged over the window, says what dropping them does.
fn drop_hint(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a .ron map file to open it",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
