//! Compiles the zxing-cpp C++ library with the `cc` crate, from the sources beside this file,
//! so that building Touchstone needs no cmake: the published crate's `bundled` feature runs
//! cmake, and even without that feature the crate pulls the `cmake` crate into every build.
//!
//! This mirrors `core/CMakeLists.txt` of zxing-cpp 3.1.1 (the `zxing-cpp` crate 0.5.3) as that
//! crate's `bundled` build configures it: readers, the new (zint based) writers, the C API, all
//! formats, the bundled zint, a Release build. Same files, defines, generated `Version.h` and
//! optimisation per file (-O3, and -Os for the files CMakeLists lists for -Os), so the library
//! reads exactly as it did. The C++ is optimised in every profile, as cmake's Release build was:
//! unoptimised, reading a 12 MP photo takes several times as long.
//!
//! Updating the sources (see `VENDORED.md`): compare the lists below with the new
//! `core/CMakeLists.txt` and `core/Version.h.in`.

use std::fs;
use std::path::{Path, PathBuf};

/// C++ files built with -O3: COMMON_FILES, the reader files and the per-format files of
/// CMakeLists.txt for ZXING_READERS=ON, ZXING_WRITERS=ON (new writers only), ZXING_C_API=ON.
const CXX_O3: &[&str] = &[
	"BitMatrix.cpp",
	"CharacterSet.cpp",
	"Content.cpp",
	"ECI.cpp",
	"JSON.cpp",
	"ReadBarcode.cpp",
	"ReedSolomon.cpp",
	"Utf.cpp",
	"BitArray.cpp",
	"BinaryBitmap.cpp",
	"BitSource.cpp",
	"ConcentricFinder.cpp",
	"GlobalHistogramBinarizer.cpp",
	"GridSampler.cpp",
	"LocalGrid.cpp",
	"HybridBinarizer.cpp",
	"PerspectiveTransform.cpp",
	"ResultPoint.cpp",
	"TextDecoder.cpp",
	"WhiteRectDetector.cpp",
	"TextEncoder.cpp",
	"aztec/AZDecoder.cpp",
	"aztec/AZDetector.cpp",
	"aztec/AZReader.cpp",
	"datamatrix/DMBitLayout.cpp",
	"datamatrix/DMVersion.cpp",
	"datamatrix/DMDecoder.cpp",
	"datamatrix/DMDetector.cpp",
	"datamatrix/DMReader.cpp",
	"maxicode/MCBitMatrixParser.cpp",
	"maxicode/MCDecoder.cpp",
	"maxicode/MCReader.cpp",
	"oned/ODUPCEANCommon.cpp",
	"oned/ODCodabarReader.cpp",
	"oned/ODCode39Reader.cpp",
	"oned/ODCode93Reader.cpp",
	"oned/ODCode128Reader.cpp",
	"oned/ODDataBarCommon.cpp",
	"oned/ODDataBarReader.cpp",
	"oned/ODDataBarExpandedReader.cpp",
	"oned/ODDataBarLimitedReader.cpp",
	"oned/ODDXFilmEdgeReader.cpp",
	"oned/ODITFReader.cpp",
	"oned/ODTelepenReader.cpp",
	"oned/ODMultiUPCEANReader.cpp",
	"oned/ODReader.cpp",
	"pdf417/ZXBigInteger.cpp",
	"pdf417/PDF417.cpp",
	"pdf417/PDFBarcodeValue.cpp",
	"pdf417/PDFBoundingBox.cpp",
	"pdf417/PDFCodewordDecoder.cpp",
	"pdf417/PDFDecoder.cpp",
	"pdf417/PDFDetectionResult.cpp",
	"pdf417/PDFDetectionResultColumn.cpp",
	"pdf417/PDFDetector.cpp",
	"pdf417/PDFReader.cpp",
	"pdf417/PDFScanningDecoder.cpp",
	"pdf417/MicroPDFReader.cpp",
	"qrcode/QRCodecMode.cpp",
	"qrcode/QRErrorCorrectionLevel.cpp",
	"qrcode/QRDetector.cpp",
	"qrcode/QRFormatInformation.cpp",
];

/// C++ files CMakeLists.txt builds with -Os in a Release build ("their binary size decreases
/// significantly, the runtime of ReaderTest is not affected"), those of them that this
/// configuration compiles.
const CXX_OS: &[&str] = &[
	"Barcode.cpp",
	"BarcodeFormat.cpp",
	"BitMatrixIO.cpp",
	"CreateBarcode.cpp",
	"Error.cpp",
	"GTIN.cpp",
	"HRI.cpp",
	"MultiFormatReader.cpp",
	"WriteBarcode.cpp",
	"ZXingC.cpp",
	"ZXingCpp.cpp",
	"datamatrix/DMDataBlock.cpp",
	"oned/ODDataBarExpandedBitDecoder.cpp",
	"qrcode/QRBitMatrixParser.cpp",
	"qrcode/QRDataBlock.cpp",
	"qrcode/QRDecoder.cpp",
	"qrcode/QRReader.cpp",
	"qrcode/QRVersion.cpp",
];

/// LIBZINT_FILES (the bundled zint, for writing), C, -Os with -DZINT_NO_PNG.
const ZINT_C: &[&str] = &[
	"stubs.c",
	"common.c",
	"eci.c",
	"filemem.c",
	"general_field.c",
	"gs1.c",
	"large.c",
	"library.c",
	"output.c",
	"raster.c",
	"reedsol.c",
	"svg.c",
	"vector.c",
	"2of5inter.c",
	"2of5inter_based.c",
	"telepen.c",
	"codabar.c",
	"code128.c",
	"code.c",
	"dxfilmedge.c",
	"medical.c",
	"rss.c",
	"upcean.c",
	"aztec.c",
	"dmatrix.c",
	"maxicode.c",
	"pdf417.c",
	"qr.c",
];

fn main() {
	println!("cargo:rerun-if-changed=build.rs");
	println!("cargo:rerun-if-changed=core");

	let core = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("core");
	let src = core.join("src");
	let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
	let include = out_dir.join("include");
	fs::create_dir_all(&include).expect("creates OUT_DIR/include");
	write_version_h(&core, &include.join("Version.h"));

	let files = |dir: &Path, names: &[&str]| -> Vec<PathBuf> {
		names
			.iter()
			.map(|name| {
				let path = dir.join(name);
				assert!(path.is_file(), "{} is missing: does build.rs still match the zxing-cpp crate?", path.display());
				path
			})
			.collect()
	};
	let base = |cpp: bool, opt: &str| {
		let mut build = cc::Build::new();
		build
			.cpp(cpp)
			.include(&src)
			.include(&include)
			.include(src.join("libzint"))
			.define("ZXING_INTERNAL", None)
			.define("NDEBUG", None)
			// Whatever the profile: see the top of this file.
			.opt_level_str(opt)
			.debug(false)
			.warnings(false)
			// As CMakeLists.txt: __FILE__ (in zxing-cpp's error messages) without the build machine's paths.
			.flag_if_supported(format!("-fmacro-prefix-map={}/=", core.display()));
		if cpp {
			build.std("c++20");
		}
		build
	};

	let mut objects = base(true, "s").files(files(&src, CXX_OS)).compile_intermediates();
	objects.extend(
		base(false, "s")
			.files(files(&src.join("libzint"), ZINT_C))
			.define("ZINT_NO_PNG", None)
			.compile_intermediates(),
	);
	// libzueci: ZUECI_EMBED_NO_TO_ECI because the old writers (ZXING_WRITERS_OLD) are off.
	objects.extend(
		base(false, "3")
			.files(files(&src.join("libzueci"), &["zueci.c"]))
			.define("ZUECI_EMBED_NO_TO_ECI", None)
			.compile_intermediates(),
	);
	// One static library, as cmake made; cc also tells cargo to link it and the C++ runtime.
	let mut build = base(true, "3");
	precompiled_header(&mut build, &src, &out_dir);
	build.files(files(&src, CXX_O3)).objects(objects).compile("ZXing");
}

/// The public headers that CMakeLists.txt precompiles (PRECOMPILE_HEADERS) and cmake includes
/// first in each -O3 file, as cmake does: with gcc precompiled (a quarter less compile time),
/// elsewhere read as text, to the same effect.
fn precompiled_header(build: &mut cc::Build, src: &Path, out_dir: &Path) {
	const HEADERS: &[&str] = &[
		"Barcode.h",
		"BarcodeFormat.h",
		"CharacterSet.h",
		"ContentType.h",
		"CreateBarcode.h",
		"Error.h",
		"GTIN.h",
		"ImageView.h",
		"Point.h",
		"Quadrilateral.h",
		"ReadBarcode.h",
		"ReaderOptions.h",
		"WriteBarcode.h",
		"ZXingCpp.h",
		"BarcodeData.h",
		"Content.h",
		"Range.h",
	];
	let dir = out_dir.join("pch");
	fs::create_dir_all(&dir).expect("creates OUT_DIR/pch");
	let header = dir.join("zxing_pch.hxx");
	let mut text = String::from("#pragma GCC system_header\n#ifdef __cplusplus\n");
	for name in HEADERS {
		text.push_str(&format!("#include \"{}\"\n", src.join(name).display()));
	}
	text.push_str("#endif\n");
	fs::write(&header, text).expect("writes the precompiled header's source");
	let compiler = build.get_compiler();
	if compiler.is_like_msvc() {
		build.flag(format!("/FI{}", header.display()));
		return;
	}
	build.flag("-include").flag(&header);
	if !compiler.is_like_gnu() {
		return;
	}
	// gcc uses zxing_pch.hxx.gch in place of zxing_pch.hxx when it was made with the same flags,
	// and reads the header as text otherwise (a slower build, the same library).
	let gch = dir.join("zxing_pch.hxx.gch");
	let _ = fs::remove_file(&gch);
	let empty = dir.join("zxing_pch.hxx.cxx");
	fs::write(&empty, "").expect("writes the precompiled header's unit");
	let mut command = build.get_compiler().to_command();
	command.arg("-x").arg("c++-header").arg("-o").arg(&gch).arg("-c").arg(&empty);
	match command.status() {
		Ok(status) if status.success() => {}
		result => {
			println!("cargo:warning=precompiling the zxing-cpp headers failed ({result:?}); compiling without");
			let _ = fs::remove_file(&gch);
		}
	}
}

/// `Version.h`, made from `Version.h.in` as cmake's `configure_file` does for this configuration.
fn write_version_h(core: &Path, to: &Path) {
	let cmake_lists = fs::read_to_string(core.join("CMakeLists.txt")).expect("reads core/CMakeLists.txt");
	let version = between(&cmake_lists, "project (ZXing VERSION \"", "\"").expect("CMakeLists.txt names the version");
	let suffix = between(&cmake_lists, "set (ZXING_VERSION_SUFFIX \"", "\"").expect("CMakeLists.txt sets the suffix");
	let [major, minor, patch] = version.split('.').collect::<Vec<_>>()[..] else {
		panic!("unexpected version {version:?} in CMakeLists.txt")
	};
	let defined = |name: &str| match name {
		"ZXING_READERS" | "ZXING_WRITERS" | "ZXING_USE_ZINT" => true,
		"ZXING_ENABLE_1D"
		| "ZXING_ENABLE_AZTEC"
		| "ZXING_ENABLE_DATAMATRIX"
		| "ZXING_ENABLE_MAXICODE"
		| "ZXING_ENABLE_PDF417"
		| "ZXING_ENABLE_QRCODE" => true,
		"ZXING_EXPERIMENTAL_API" => false,
		other => panic!("Version.h.in uses {other}, which build.rs does not know"),
	};
	let template = fs::read_to_string(core.join("Version.h.in")).expect("reads core/Version.h.in");
	let mut header = String::new();
	for line in template.lines() {
		let line = if let Some(name) = line.strip_prefix("#cmakedefine01 ") {
			format!("#define {name} {}", u8::from(defined(name)))
		} else if let Some(name) = line.strip_prefix("#cmakedefine ") {
			if defined(name) {
				format!("#define {name}")
			} else {
				format!("/* #undef {name} */")
			}
		} else {
			line.replace("@PROJECT_VERSION_MAJOR@", major)
				.replace("@PROJECT_VERSION_MINOR@", minor)
				.replace("@PROJECT_VERSION_PATCH@", patch)
				.replace("@ZXING_VERSION_SUFFIX@", suffix)
		};
		assert!(!line.contains('@'), "Version.h.in has a variable build.rs does not fill: {line}");
		header.push_str(&line);
		header.push('\n');
	}
	fs::write(to, header).unwrap_or_else(|e| panic!("cannot write {}: {e}", to.display()));
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
	let rest = &text[text.find(start)? + start.len()..];
	Some(&rest[..rest.find(end)?])
}
