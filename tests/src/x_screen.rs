//! The app's window as the X display shows it, as a PNG.
//!
//! WebKitWebDriver's own screenshot waits for the page's next composited frame, and a page that
//! WebKit draws without compositing (Lanyard's choice on a machine with no GPU render node, as
//! the test machines are: `lanyard-window-drawing`) has none while it is idle, so that screenshot
//! never answers. The X server holds what the window shows either way.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, ImageFormat, ImageOrder, MapState, WindowClass};
use x11rb::rust_connection::RustConnection;

/// A rectangle of the screen, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rect {
    x: i16,
    y: i16,
    width: u16,
    height: u16,
}

/// The largest window shown on the display (`$DISPLAY`) as a PNG: the app's window, since the
/// tests open one at a time and nothing else draws on their Xvfb screen.
pub fn capture_largest_window() -> Result<Vec<u8>, String> {
    let (conn, screen_num) =
        x11rb::connect(None).map_err(|e| format!("no X display to capture: {e}"))?;
    let screen = conn
        .setup()
        .roots
        .get(screen_num)
        .ok_or("the X display has no such screen")?;
    let window = largest_shown_window(&conn, screen.root)?;
    let rect = clip(window, screen.width_in_pixels, screen.height_in_pixels)
        .ok_or("the app's window is off the screen")?;
    let image = conn
        .get_image(
            ImageFormat::Z_PIXMAP,
            screen.root,
            rect.x,
            rect.y,
            rect.width,
            rect.height,
            !0,
        )
        .map_err(x_error)?
        .reply()
        .map_err(x_error)?;
    let layout = PixelLayout::of(&conn, image.depth, image.visual)?;
    let rgb = layout.to_rgb(&image.data, rect.width, rect.height)?;
    encode_png(&rgb, rect.width, rect.height)
}

fn x_error(err: impl std::fmt::Display) -> String {
    format!("the X display: {err}")
}

fn largest_shown_window(conn: &RustConnection, root: u32) -> Result<Rect, String> {
    let children = conn
        .query_tree(root)
        .map_err(x_error)?
        .reply()
        .map_err(x_error)?
        .children;
    let mut largest: Option<Rect> = None;
    for window in children {
        let Ok(attrs) = conn.get_window_attributes(window).map_err(x_error)?.reply() else {
            continue; // gone in between
        };
        if attrs.map_state != MapState::VIEWABLE || attrs.class == WindowClass::INPUT_ONLY {
            continue;
        }
        let Ok(g) = conn.get_geometry(window).map_err(x_error)?.reply() else {
            continue;
        };
        let rect = Rect {
            x: g.x,
            y: g.y,
            width: g.width,
            height: g.height,
        };
        if largest.is_none_or(|l| area(rect) > area(l)) {
            largest = Some(rect);
        }
    }
    largest.ok_or_else(|| "no window is shown on the X display".to_owned())
}

fn area(r: Rect) -> u32 {
    u32::from(r.width) * u32::from(r.height)
}

/// `r` cut to a `width` x `height` screen; `None` when nothing of it is on the screen.
fn clip(r: Rect, width: u16, height: u16) -> Option<Rect> {
    let x0 = i32::from(r.x).max(0);
    let y0 = i32::from(r.y).max(0);
    let x1 = (i32::from(r.x) + i32::from(r.width)).min(i32::from(width));
    let y1 = (i32::from(r.y) + i32::from(r.height)).min(i32::from(height));
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    Some(Rect {
        x: i16::try_from(x0).ok()?,
        y: i16::try_from(y0).ok()?,
        width: u16::try_from(x1 - x0).ok()?,
        height: u16::try_from(y1 - y0).ok()?,
    })
}

/// How a Z-pixmap image's pixels are laid out: bytes per pixel and row, byte order, and where
/// red, green and blue sit in a pixel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PixelLayout {
    bytes_per_pixel: usize,
    row_pad_bits: usize,
    msb_first: bool,
    masks: [u32; 3],
}

impl PixelLayout {
    fn of(conn: &RustConnection, depth: u8, visual: u32) -> Result<Self, String> {
        let setup = conn.setup();
        let format = setup
            .pixmap_formats
            .iter()
            .find(|f| f.depth == depth)
            .ok_or_else(|| format!("the X display has no pixmap format of depth {depth}"))?;
        let visual = setup
            .roots
            .iter()
            .flat_map(|s| &s.allowed_depths)
            .flat_map(|d| &d.visuals)
            .find(|v| v.visual_id == visual)
            .ok_or("the X display does not describe the window's visual")?;
        let bits = usize::from(format.bits_per_pixel);
        if bits != 24 && bits != 32 {
            return Err(format!(
                "{bits}-bit pixels are not read here (24 or 32 only)"
            ));
        }
        Ok(Self {
            bytes_per_pixel: bits / 8,
            row_pad_bits: usize::from(format.scanline_pad),
            msb_first: setup.image_byte_order == ImageOrder::MSB_FIRST,
            masks: [visual.red_mask, visual.green_mask, visual.blue_mask],
        })
    }

    /// Packed RGB bytes of a `width` x `height` image in this layout.
    fn to_rgb(self, data: &[u8], width: u16, height: u16) -> Result<Vec<u8>, String> {
        let (w, h) = (usize::from(width), usize::from(height));
        let pad = self.row_pad_bits.max(8);
        let row_bytes = (w * self.bytes_per_pixel * 8).div_ceil(pad) * pad / 8;
        if data.len() < row_bytes * h {
            return Err(format!(
                "the X display sent {} bytes for a {w}x{h} image ({} expected)",
                data.len(),
                row_bytes * h
            ));
        }
        let mut rgb = Vec::with_capacity(w * h * 3);
        for row in data.chunks_exact(row_bytes).take(h) {
            for px in row.chunks_exact(self.bytes_per_pixel).take(w) {
                let value = px.iter().enumerate().fold(0u32, |acc, (i, byte)| {
                    let shift = if self.msb_first {
                        8 * (self.bytes_per_pixel - 1 - i)
                    } else {
                        8 * i
                    };
                    acc | (u32::from(*byte) << shift)
                });
                rgb.extend(self.masks.map(|mask| channel(value, mask)));
            }
        }
        Ok(rgb)
    }
}

/// The 8-bit value of the channel under `mask` in `pixel`.
fn channel(pixel: u32, mask: u32) -> u8 {
    if mask == 0 {
        return 0;
    }
    let bits = mask.count_ones();
    let raw = (pixel & mask) >> mask.trailing_zeros();
    let max = (1u64 << bits) - 1;
    u8::try_from(u64::from(raw) * 255 / max).unwrap_or(u8::MAX)
}

fn encode_png(rgb: &[u8], width: u16, height: u16) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, u32::from(width), u32::from(height));
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(rgb))
        .map_err(|e| format!("the screenshot could not be encoded: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XRGB: PixelLayout = PixelLayout {
        bytes_per_pixel: 4,
        row_pad_bits: 32,
        msb_first: false,
        masks: [0x00ff_0000, 0x0000_ff00, 0x0000_00ff],
    };

    #[test]
    fn little_endian_xrgb_pixels_come_out_red_green_blue() {
        // Two pixels: pure red, then (1, 2, 3); each stored B, G, R, X.
        let data = [0, 0, 255, 0, 3, 2, 1, 0];
        assert_eq!(XRGB.to_rgb(&data, 2, 1).unwrap(), vec![255, 0, 0, 1, 2, 3]);
    }

    #[test]
    fn big_endian_pixels_are_read_most_significant_byte_first() {
        let layout = PixelLayout {
            msb_first: true,
            ..XRGB
        };
        assert_eq!(layout.to_rgb(&[0, 9, 8, 7], 1, 1).unwrap(), vec![9, 8, 7]);
    }

    #[test]
    fn padded_rows_skip_their_padding() {
        // 24-bit pixels in 32-bit padded rows: one pixel then one byte of padding per row.
        let layout = PixelLayout {
            bytes_per_pixel: 3,
            ..XRGB
        };
        let data = [1, 2, 3, 0xee, 4, 5, 6, 0xee];
        assert_eq!(layout.to_rgb(&data, 1, 2).unwrap(), vec![3, 2, 1, 6, 5, 4]);
    }

    #[test]
    fn a_short_image_is_an_error_not_a_partial_picture() {
        assert!(XRGB.to_rgb(&[0; 7], 2, 1).is_err());
    }

    #[test]
    fn narrow_channels_are_scaled_to_eight_bits() {
        // 5-6-5: full red, no green, full blue.
        assert_eq!(channel(0xf81f, 0xf800), 255);
        assert_eq!(channel(0xf81f, 0x07e0), 0);
        assert_eq!(channel(0xf81f, 0x001f), 255);
    }

    #[test]
    fn a_window_half_off_the_screen_is_cut_to_the_screen() {
        let r = Rect {
            x: -10,
            y: 700,
            width: 1300,
            height: 200,
        };
        let cut = Rect {
            x: 0,
            y: 700,
            width: 1280,
            height: 100,
        };
        assert_eq!(clip(r, 1280, 800), Some(cut));
        let gone = Rect { x: 1300, ..r };
        assert_eq!(clip(gone, 1280, 800), None);
    }
}
