//! What the frame benchmarks share: counting the vertices a headless egui frame tessellates to.

use eframe::egui;

/// Tessellates a frame's output and counts its vertices (no renderer takes the font texture
/// here, so its update is dropped).
pub fn vertices(ctx: &egui::Context, mut output: egui::FullOutput) -> usize {
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}
