package ai.dfc.geometry.numpy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of a {@code .npy} file: a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }} after the magic and version, padded with
 * spaces to a multiple of 64 bytes and ended by a newline (NumPy format versions 1.0, 2.0 and 3.0).
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Parses the dict literal; {@code where} names the file in errors. */
    static NpyHeader parse(String text, String where) {
        Parser p = new Parser(text, where);
        String descr = null;
        Boolean fortran = null;
        long[] shape = null;
        p.expect('{');
        while (!p.peek('}')) {
            String key = p.string();
            p.expect(':');
            switch (key) {
                case "descr" -> descr = p.string();
                case "fortran_order" -> fortran = p.bool();
                case "shape" -> shape = p.tuple();
                default -> throw new IllegalArgumentException(where + ": unexpected key '" + key + "' in the .npy header");
            }
            if (!p.peek('}')) {
                p.expect(',');
            }
        }
        if (descr == null || fortran == null || shape == null) {
            throw new IllegalArgumentException(where + ": .npy header lacks descr, fortran_order or shape: " + text.strip());
        }
        return new NpyHeader(descr, fortran, shape);
    }

    /** The padded header block (magic, version 1.0 or 2.0, length, dict, spaces, newline), 64-byte aligned. */
    byte[] encode() {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        dict.append("), }");
        int prefix = MAGIC.length + 2 + 2;
        boolean v2 = prefix + dict.length() + 1 > 65535;
        if (v2) {
            prefix += 2;
        }
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
        while (dict.length() < total - prefix - 1) {
            dict.append(' ');
        }
        dict.append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix + text.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) (v2 ? 2 : 1);
        out[7] = 0;
        int len = text.length;
        out[8] = (byte) len;
        out[9] = (byte) (len >>> 8);
        if (v2) {
            out[10] = (byte) (len >>> 16);
            out[11] = (byte) (len >>> 24);
        }
        System.arraycopy(text, 0, out, prefix, text.length);
        return out;
    }

    /** A minimal tokenizer for the header's Python literal. */
    private static final class Parser {
        private final String s;
        private final String where;
        private int i;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        boolean peek(char c) {
            skip();
            return i < s.length() && s.charAt(i) == c;
        }

        void expect(char c) {
            skip();
            if (i >= s.length() || s.charAt(i) != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        String string() {
            skip();
            if (i >= s.length() || (s.charAt(i) != '\'' && s.charAt(i) != '"')) {
                throw error("expected a string");
            }
            char q = s.charAt(i++);
            int start = i;
            while (i < s.length() && s.charAt(i) != q) {
                i++;
            }
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            return s.substring(start, i++);
        }

        boolean bool() {
            skip();
            if (s.startsWith("True", i)) {
                i += 4;
                return true;
            }
            if (s.startsWith("False", i)) {
                i += 5;
                return false;
            }
            throw error("expected True or False");
        }

        long[] tuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            while (!peek(')')) {
                skip();
                int start = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    throw error("expected a dimension");
                }
                dims.add(Long.parseLong(s.substring(start, i)));
                if (!peek(')')) {
                    expect(',');
                }
            }
            expect(')');
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(where + ": malformed .npy header (" + what + " at character " + i + "): "
                    + s.strip());
        }
    }
}
