//! Deliberately broken or text-less "PDF" files for robustness tests.

use crate::layout::{PAGE_H, PAGE_W};
use crate::pdf::{num, Obj, PdfWriter};

/// Returns (file name, bytes, status) for each broken file, derived from a
/// valid PDF `base` and its source text `src`.
pub fn files(base: &[u8], src: &str) -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let cut = base.len() * 40 / 100;
    vec![
        ("broken-empty.pdf", Vec::new(), "empty"),
        ("broken-truncated.pdf", base[..cut].to_vec(), "truncated"),
        ("broken-textfile.pdf", src.as_bytes().to_vec(), "not_pdf"),
        ("broken-image-only.pdf", image_only(), "image_only"),
    ]
}

/// A valid PDF whose single page holds only an inline image and a filled
/// rectangle: no text at all (like a scanned CV without OCR).
pub fn image_only() -> Vec<u8> {
    let mut w = PdfWriter::new();
    let catalog = w.reserve();
    let pages = w.reserve();
    // 16x16 8-bit gray inline image with a gradient pattern, hex-encoded.
    let mut hexdata = String::new();
    for y in 0..16u32 {
        for x in 0..16u32 {
            hexdata.push_str(&format!("{:02x}", (x * 13 + y * 7) % 256));
        }
    }
    let content = format!(
        "q 0.8 0.8 0.8 rg 60 500 475 280 re f Q\nq 400 0 0 560 97 140 cm\nBI /W 16 /H 16 /BPC 8 /CS /G /F /AHx ID\n{hexdata}>\nEI\nQ\n"
    );
    let cs = w.add_stream("", content.into_bytes(), false);
    let page = w.add_raw(format!(
        "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {} {}] /Resources << >> /Contents {cs} 0 R >>",
        num(PAGE_W),
        num(PAGE_H)
    ));
    w.set(
        pages,
        Obj::Raw(format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")),
    );
    w.set(
        catalog,
        Obj::Raw(format!("<< /Type /Catalog /Pages {pages} 0 R >>")),
    );
    w.info("Producer", "cvgen ScanSimulator 0.9 (image only)");
    w.finish(catalog)
}
