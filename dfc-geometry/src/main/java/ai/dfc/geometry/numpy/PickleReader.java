package ai.dfc.geometry.numpy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the pickles NumPy writes into object arrays ({@code np.save} of a dict, the reference's
 * {@code visible_pt_dict.npz}): protocols 2–5, Python scalars, strings, bytes, tuples (as {@link List}s), lists,
 * dicts, and NumPy arrays and dtypes. Any other class is refused — this is a data reader, not a Python runtime,
 * so a pickle cannot make it run code.
 *
 * <p>Values: None → null, bool → Boolean, int → Long (BigInteger beyond 64 bits), float → Double, str → String,
 * bytes → byte[], tuple and list → List, dict → Map (insertion order), ndarray → {@link NpyArray}.
 */
final class PickleReader {
    private final ByteBuffer in;
    private final String where;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private record Global(String module, String name) {
    }

    /** A dtype under construction: its code, byte order set by BUILD. */
    private static final class DtypeStub {
        final String code;
        String order = "<";

        DtypeStub(String code) {
            this.code = code;
        }

        DType.Parsed parsed() {
            return DType.parse((code.startsWith("O") ? "|" : order.equals("|") ? "|" : order) + code);
        }
    }

    /** An ndarray between {@code _reconstruct} and its BUILD. */
    private static final class ArrayStub {
        NpyArray built;
    }

    private PickleReader(byte[] data, String where) {
        this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.where = where;
    }

    /**
     * Unpickles {@code data}.
     *
     * @param where names the source in errors
     * @throws IllegalArgumentException for truncated or unsupported pickles, naming the opcode or class
     */
    static Object read(byte[] data, String where) {
        return new PickleReader(data, where).run();
    }

    private Object run() {
        try {
            while (true) {
                int op = in.get() & 0xFF;
                switch (op) {
                    case 0x80 -> in.get(); // PROTO
                    case 0x95 -> in.getLong(); // FRAME
                    case '.' -> {
                        return resolve(pop());
                    }
                    case '(' -> marks.add(stack.size());
                    case 'N' -> push(null);
                    case 0x88 -> push(Boolean.TRUE);
                    case 0x89 -> push(Boolean.FALSE);
                    case 'K' -> push((long) (in.get() & 0xFF));
                    case 'M' -> push((long) (in.getShort() & 0xFFFF));
                    case 'J' -> push((long) in.getInt());
                    case 0x8a -> push(long1(in.get() & 0xFF));
                    case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // BINFLOAT is big-endian
                    case 0x8c -> push(text(in.get() & 0xFF));
                    case 'X' -> push(text(in.getInt()));
                    case 0x8d -> push(text(Math.toIntExact(in.getLong())));
                    case 'U' -> push(latin1(in.get() & 0xFF)); // SHORT_BINSTRING (Python 2 str)
                    case 'T' -> push(latin1(in.getInt()));
                    case 'C' -> push(bytes(in.get() & 0xFF));
                    case 'B' -> push(bytes(in.getInt()));
                    case 0x8e -> push(bytes(Math.toIntExact(in.getLong())));
                    case ')' -> push(new ArrayList<>());
                    case 0x85 -> push(tuple(1));
                    case 0x86 -> push(tuple(2));
                    case 0x87 -> push(tuple(3));
                    case 't' -> push(new ArrayList<>(popToMark()));
                    case ']' -> push(new ArrayList<>());
                    case 'a' -> {
                        Object v = pop();
                        list(peek()).add(v);
                    }
                    case 'e' -> {
                        List<Object> items = popToMark();
                        list(peek()).addAll(items);
                    }
                    case '}' -> push(new LinkedHashMap<>());
                    case 's' -> {
                        Object v = pop();
                        Object k = pop();
                        dict(peek()).put(k, v);
                    }
                    case 'u' -> {
                        List<Object> items = popToMark();
                        Map<Object, Object> d = dict(peek());
                        for (int i = 0; i + 1 < items.size(); i += 2) {
                            d.put(items.get(i), items.get(i + 1));
                        }
                    }
                    case 'q' -> memo.put((long) (in.get() & 0xFF), peek());
                    case 'r' -> memo.put(in.getInt() & 0xFFFFFFFFL, peek());
                    case 0x94 -> memo.put((long) memo.size(), peek());
                    case 'h' -> push(memoGet(in.get() & 0xFF));
                    case 'j' -> push(memoGet(in.getInt() & 0xFFFFFFFFL));
                    case 'c' -> push(new Global(line(), line()));
                    case 0x93 -> {
                        String name = (String) pop();
                        push(new Global((String) pop(), name));
                    }
                    case 'R' -> {
                        Object args = pop();
                        push(reduce(pop(), asList(args)));
                    }
                    case 'b' -> {
                        Object state = pop();
                        build(peek(), state);
                    }
                    default -> throw error(String.format("unsupported pickle opcode 0x%02x", op));
                }
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw error("truncated pickle");
        } catch (ClassCastException | IndexOutOfBoundsException e) {
            throw error("malformed pickle (" + e.getMessage() + ")");
        }
    }

    private Object reduce(Object callable, List<Object> args) {
        if (!(callable instanceof Global g)) {
            throw error("cannot call " + callable);
        }
        String full = g.module() + "." + g.name();
        switch (full) {
            case "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct" -> {
                return new ArrayStub();
            }
            case "numpy.dtype" -> {
                return new DtypeStub((String) args.get(0));
            }
            case "_codecs.encode" -> {
                // how protocol 2 stores Python 3 bytes: encode(latin-1 text, 'latin1')
                return ((String) args.get(0)).getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> throw error("refusing to unpickle '" + full + "' (only NumPy arrays and plain Python data are read)");
        }
    }

    private void build(Object target, Object state) {
        if (target instanceof DtypeStub d) {
            List<Object> s = asList(state);
            d.order = (String) s.get(1);
        } else if (target instanceof ArrayStub a) {
            List<Object> s = asList(state);
            long[] shape = asList(s.get(1)).stream().mapToLong(x -> (Long) x).toArray();
            DType.Parsed type = ((DtypeStub) s.get(2)).parsed();
            boolean fortran = (Boolean) s.get(3);
            Object raw = s.get(4);
            if (type.type() == DType.OBJECT) {
                List<Object> values = new ArrayList<>();
                for (Object v : asList(raw)) {
                    values.add(resolve(v));
                }
                a.built = NpyArray.ofObjects(shape, values);
            } else {
                byte[] bytes = raw instanceof String str ? str.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) raw;
                a.built = Npy.toCOrderLittleEndian(type, shape, fortran, bytes, where);
            }
        } else {
            throw error("cannot set the state of " + target);
        }
    }

    private Object resolve(Object v) {
        if (v instanceof ArrayStub a) {
            if (a.built == null) {
                throw error("an array was never given its data");
            }
            return a.built;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(resolve(x));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(resolve(k), resolve(x)));
            return out;
        }
        if (v instanceof DtypeStub || v instanceof Global) {
            throw error("a pickle may not return a bare class or dtype");
        }
        return v;
    }

    private Object long1(int n) {
        byte[] b = new byte[n];
        in.get(b);
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) {
            be[i] = b[n - 1 - i];
        }
        BigInteger v = n == 0 ? BigInteger.ZERO : new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private String text(int n) {
        byte[] b = bytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }

    private String latin1(int n) {
        return new String(bytes(n), StandardCharsets.ISO_8859_1);
    }

    private byte[] bytes(int n) {
        if (n < 0 || n > in.remaining()) {
            throw error("truncated pickle");
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private String line() {
        StringBuilder sb = new StringBuilder();
        byte c;
        while ((c = in.get()) != '\n') {
            sb.append((char) c);
        }
        return sb.toString();
    }

    private List<Object> tuple(int n) {
        List<Object> t = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        for (int i = 0; i < n; i++) {
            pop();
        }
        return t;
    }

    private List<Object> popToMark() {
        int mark = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(mark, stack.size()));
        while (stack.size() > mark) {
            pop();
        }
        return items;
    }

    private Object memoGet(long key) {
        if (!memo.containsKey(key)) {
            throw error("memo entry " + key + " missing");
        }
        return memo.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) {
        return (Map<Object, Object>) o;
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        return stack.get(stack.size() - 1);
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(where + ": " + what);
    }
}
