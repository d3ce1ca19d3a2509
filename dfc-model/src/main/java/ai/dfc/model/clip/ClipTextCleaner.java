package ai.dfc.model.clip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text cleaning of OpenAI CLIP's {@code simple_tokenizer.py} without ftfy: {@code html.unescape} applied
 * twice, runs of whitespace collapsed to one space, stripped, lower-cased. Each step reproduces the Python
 * function it replaces, not an approximation of it:
 * <ul>
 *   <li>{@link #htmlUnescape} is Python's {@code html.unescape}: the same reference pattern, the HTML5 named
 *       references (read from {@code html5-entities.txt}, generated from Python's {@code html.entities.html5}),
 *       longest-prefix matching of names without ';', and the HTML5 rules for invalid numeric references;</li>
 *   <li>whitespace is what Python's {@code str.isspace} (and so {@code re}'s {@code \s} and {@code strip()})
 *       calls whitespace, which includes U+001C..U+001F and U+00A0 — unlike Java's {@code \s} or
 *       {@link Character#isWhitespace};</li>
 *   <li>lower-casing is {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}, which like Python's
 *       {@code str.lower} applies the full (special-casing) mappings, e.g. U+0130 → "i̇" and a final sigma →
 *       ς. The Unicode versions differ (Java 17: 13.0, Python 3.11: 14.0); characters new in 14.0 may differ.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class ClipTextCleaner {
    private ClipTextCleaner() {
    }

    private static final Pattern CHARREF =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
    private static final Map<String, String> ENTITIES = readEntities();
    private static final Map<Integer, String> INVALID_CHARREFS = invalidCharrefs();

    /** The whole cleaning: unescape twice, collapse and strip whitespace, lower-case. */
    static String clean(String text) {
        return collapseWhitespace(htmlUnescape(htmlUnescape(text))).toLowerCase(Locale.ROOT);
    }

    /** Python's {@code html.unescape}. */
    static String htmlUnescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = CHARREF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replaceCharref(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replaceCharref(String s) {
        if (s.charAt(0) == '#') {
            boolean hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
            String digits = s.substring(hex ? 2 : 1);
            if (digits.endsWith(";")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            BigInteger big = new BigInteger(digits, hex ? 16 : 10);
            if (big.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
                return "\uFFFD";
            }
            int num = big.intValue();
            String invalid = INVALID_CHARREFS.get(num);
            if (invalid != null) {
                return invalid;
            }
            if (num >= 0xD800 && num <= 0xDFFF) {
                return "\uFFFD";
            }
            if (isInvalidCodepoint(num)) {
                return "";
            }
            return new String(Character.toChars(num));
        }
        String whole = ENTITIES.get(s);
        if (whole != null) {
            return whole;
        }
        // the longest name that is a prefix (legacy references such as "&copy" need no ';')
        for (int x = s.length() - 1; x > 1; x--) {
            String value = ENTITIES.get(s.substring(0, x));
            if (value != null) {
                return value + s.substring(x);
            }
        }
        return "&" + s;
    }

    /** Python's {@code _invalid_codepoints} of the html module. */
    private static boolean isInvalidCodepoint(int c) {
        return (c >= 0x1 && c <= 0x8) || (c >= 0xE && c <= 0x1F) || (c >= 0x7F && c <= 0x9F)
                || (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xB || (c & 0xFFFE) == 0xFFFE;
    }

    /** {@code re.sub(r'\s+', ' ', text).strip()} with Python's notion of whitespace. */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isPythonSpace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** Python's {@code str.isspace} for one code point (Unicode 14; the set has not changed since 6.3). */
    static boolean isPythonSpace(int c) {
        return (c >= 0x9 && c <= 0xD) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    private static Map<String, String> readEntities() {
        String resource = "html5-entities.txt";
        Map<String, String> map = new HashMap<>(4096);
        try (InputStream in = ClipTextCleaner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " missing from the dfc-model jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                StringBuilder value = new StringBuilder(2);
                for (String hex : line.substring(tab + 1).split(" ")) {
                    value.appendCodePoint(Integer.parseInt(hex, 16));
                }
                map.put(line.substring(0, tab), value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
        return Map.copyOf(map);
    }

    /** Python's {@code _invalid_charrefs}: the HTML5 replacements of C1 and a few other numeric references. */
    private static Map<Integer, String> invalidCharrefs() {
        Map<Integer, String> m = new HashMap<>();
        m.put(0x00, "\uFFFD");
        m.put(0x0D, "\r");
        int[] c1 = {0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
                0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
                0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
        for (int i = 0; i < c1.length; i++) {
            m.put(0x80 + i, String.valueOf((char) c1[i]));
        }
        return Map.copyOf(m);
    }
}
