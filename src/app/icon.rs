//! The application's icon: the window's, from the same picture the desktop entry names
//! (`assets/icons/`).

use eframe::egui::IconData;

/// The icon as a PNG, embedded in the binary (the window shows it in task bars and switchers).
const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icons/stancemap-128.png");

/// The window icon, or `None` if the embedded picture cannot be decoded (the window then gets
/// the system's default icon rather than failing to open).
pub fn window_icon() -> Option<IconData> {
    let picture = image::load_from_memory_with_format(WINDOW_ICON_PNG, image::ImageFormat::Png)
        .ok()?
        .into_rgba8();
    Some(IconData {
        width: picture.width(),
        height: picture.height(),
        rgba: picture.into_raw(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_icon_decodes_to_a_square_picture_with_colour() {
        let icon = window_icon().unwrap();
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        // Corners are transparent (rounded), the middle is not.
        assert_eq!(icon.rgba[3], 0);
        let middle = ((64 * 128 + 64) * 4) as usize;
        assert_eq!(icon.rgba[middle + 3], 255);
    }
}
