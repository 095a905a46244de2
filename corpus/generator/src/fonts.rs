//! Font metrics (Helvetica-like widths), WinAnsi encoding and Adobe glyph names.

/// Helvetica widths for ASCII 32..=126.
const HELV: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/// Helvetica-Bold widths for ASCII 32..=126.
const HELV_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Glyph width in 1/1000 em for `c`, Helvetica-like; accented letters use
/// their base letter, other scripts a plausible constant.
pub fn width(c: char, bold: bool) -> u16 {
    let table = if bold { &HELV_BOLD } else { &HELV };
    let c = base_letter(c);
    match c as u32 {
        32..=126 => table[(c as u32 - 32) as usize],
        0x391..=0x3A9 => 667,
        0x3AA..=0x3CE => 556,
        0x2013 => 556,
        0x2014 => 1000,
        0x2018 | 0x2019 => 222,
        0x201C..=0x201E => 333,
        0x2026 => 1000,
        0x20AC => 556,
        _ => 556,
    }
}

/// Width of a string in 1/1000 em.
pub fn str_width(s: &str, bold: bool) -> u32 {
    s.chars().map(|c| width(c, bold) as u32).sum()
}

/// Maps accented Latin letters to their base ASCII letter for metrics.
pub fn base_letter(c: char) -> char {
    match c {
        'à'..='å' | 'ą' | 'ā' => 'a',
        'À'..='Å' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è'..='ë' | 'ę' | 'ě' => 'e',
        'È'..='Ë' | 'Ę' => 'E',
        'ì'..='ï' => 'i',
        'Ì'..='Ï' => 'I',
        'ñ' | 'ń' => 'n',
        'Ñ' | 'Ń' => 'N',
        'ò'..='ö' | 'ø' => 'o',
        'Ò'..='Ö' | 'Ø' => 'O',
        'ù'..='ü' => 'u',
        'Ù'..='Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' => 's',
        'Ś' | 'Š' => 'S',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'ß' => 'B',
        'º' | 'ª' | '°' => 'o',
        '«' | '»' => '<',
        _ => c,
    }
}

/// Encodes `c` in WinAnsiEncoding (cp1252), or `None` if unrepresentable.
pub fn winansi(c: char) -> Option<u8> {
    let u = c as u32;
    let b = match u {
        0x20..=0x7E | 0xA0..=0xFF => u as u8,
        0x20AC => 0x80,
        0x201A => 0x82,
        0x201E => 0x84,
        0x2026 => 0x85,
        0x2018 => 0x91,
        0x2019 => 0x92,
        0x201C => 0x93,
        0x201D => 0x94,
        0x2022 => 0x95,
        0x2013 => 0x96,
        0x2014 => 0x97,
        0x0160 => 0x8A,
        0x0161 => 0x9A,
        0x017D => 0x8E,
        0x017E => 0x9E,
        0x0152 => 0x8C,
        0x0153 => 0x9C,
        _ => return None,
    };
    Some(b)
}

/// Adobe glyph name for `c` (AGL names where known, else `uniXXXX`).
pub fn glyph_name(c: char) -> String {
    const GREEK: [&str; 25] = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma1", "sigma", "tau", "upsilon",
        "phi", "chi", "psi", "omega",
    ];
    let named = match c {
        'ą' => "aogonek",
        'Ą' => "Aogonek",
        'ć' => "cacute",
        'Ć' => "Cacute",
        'ę' => "eogonek",
        'Ę' => "Eogonek",
        'ł' => "lslash",
        'Ł' => "Lslash",
        'ń' => "nacute",
        'Ń' => "Nacute",
        'ś' => "sacute",
        'Ś' => "Sacute",
        'ź' => "zacute",
        'Ź' => "Zacute",
        'ż' => "zdotaccent",
        'Ż' => "Zdotaccent",
        'ó' => "oacute",
        'Ó' => "Oacute",
        'é' => "eacute",
        'É' => "Eacute",
        'è' => "egrave",
        'È' => "Egrave",
        'ê' => "ecircumflex",
        'ë' => "edieresis",
        'à' => "agrave",
        'À' => "Agrave",
        'á' => "aacute",
        'â' => "acircumflex",
        'ã' => "atilde",
        'ä' => "adieresis",
        'Ä' => "Adieresis",
        'ç' => "ccedilla",
        'í' => "iacute",
        'î' => "icircumflex",
        'ï' => "idieresis",
        'ì' => "igrave",
        'ñ' => "ntilde",
        'ò' => "ograve",
        'ô' => "ocircumflex",
        'õ' => "otilde",
        'ö' => "odieresis",
        'Ö' => "Odieresis",
        'ú' => "uacute",
        'ù' => "ugrave",
        'û' => "ucircumflex",
        'ü' => "udieresis",
        'Ü' => "Udieresis",
        'ß' => "germandbls",
        'ÿ' => "ydieresis",
        '–' => "endash",
        '—' => "emdash",
        '’' => "quoteright",
        '‘' => "quoteleft",
        '“' => "quotedblleft",
        '”' => "quotedblright",
        '„' => "quotedblbase",
        '«' => "guillemotleft",
        '»' => "guillemotright",
        '€' => "Euro",
        '…' => "ellipsis",
        '°' => "degree",
        'º' => "ordmasculine",
        'ª' => "ordfeminine",
        'ά' => "alphatonos",
        'έ' => "epsilontonos",
        'ή' => "etatonos",
        'ί' => "iotatonos",
        'ό' => "omicrontonos",
        'ύ' => "upsilontonos",
        'ώ' => "omegatonos",
        'Ά' => "Alphatonos",
        'Έ' => "Epsilontonos",
        'Ή' => "Etatonos",
        'Ί' => "Iotatonos",
        'Ό' => "Omicrontonos",
        'Ύ' => "Upsilontonos",
        'Ώ' => "Omegatonos",
        'ϊ' => "iotadieresis",
        'ϋ' => "upsilondieresis",
        'ΐ' => "iotadieresistonos",
        _ => "",
    };
    if !named.is_empty() {
        return named.to_string();
    }
    let u = c as u32;
    if (0x3B1..=0x3C9).contains(&u) {
        return GREEK[(u - 0x3B1) as usize].to_string();
    }
    if (0x391..=0x3A9).contains(&u) && u != 0x3A2 {
        let g = GREEK[(u - 0x391) as usize];
        let mut s = g.to_string();
        if g == "sigma1" {
            s = "sigma".into();
        }
        let mut cs = s.chars();
        let first = cs.next().unwrap().to_ascii_uppercase();
        return format!("{first}{}", cs.as_str());
    }
    format!("uni{u:04X}")
}

/// Builds a ToUnicode CMap stream body from (code, char) pairs; `two_byte`
/// selects 2-byte codespace (for Identity-H fonts). Runs of consecutive
/// codes and code points are emitted as `bfrange`, the rest as `bfchar`.
pub fn to_unicode_cmap(pairs: &[(u16, char)], two_byte: bool) -> String {
    let w = if two_byte { 4 } else { 2 };
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n",
    );
    if two_byte {
        s.push_str("<0000> <FFFF>\nendcodespacerange\n");
    } else {
        s.push_str("<00> <FF>\nendcodespacerange\n");
    }
    let mut sorted = pairs.to_vec();
    sorted.sort();
    let mut ranges: Vec<(u16, u16, u32)> = Vec::new();
    let mut singles: Vec<(u16, char)> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len()
            && sorted[j + 1].0 == sorted[j].0 + 1
            && sorted[j + 1].1 as u32 == sorted[j].1 as u32 + 1
            && (sorted[j + 1].0 & 0xFF) != 0
        {
            j += 1;
        }
        if j > i {
            ranges.push((sorted[i].0, sorted[j].0, sorted[i].1 as u32));
        } else {
            singles.push(sorted[i]);
        }
        i = j + 1;
    }
    let utf16 = |c: char| {
        let mut b = [0u16; 2];
        c.encode_utf16(&mut b)
            .iter()
            .map(|u| format!("{u:04X}"))
            .collect::<String>()
    };
    for chunk in singles.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (code, c) in chunk {
            s.push_str(&format!("<{code:0w$X}> <{}>\n", utf16(*c)));
        }
        s.push_str("endbfchar\n");
    }
    for chunk in ranges.chunks(100) {
        s.push_str(&format!("{} beginbfrange\n", chunk.len()));
        for (a, b, u) in chunk {
            s.push_str(&format!("<{a:0w$X}> <{b:0w$X}> <{u:04X}>\n"));
        }
        s.push_str("endbfrange\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}
