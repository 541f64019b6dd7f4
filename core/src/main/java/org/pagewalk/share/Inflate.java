package org.pagewalk.share;

/**
 * Reads a raw DEFLATE stream (RFC 1951): stored, fixed-code and dynamic-code blocks, so a link
 * written by any DEFLATE encoder opens, not only {@link Deflate}'s. Every malformed stream is an
 * {@link IllegalArgumentException} that says what was wrong; the output is capped, so a short
 * stream cannot unpack into more memory than the page allows.
 */
public final class Inflate {
    private static final int MAX_BITS = 15;

    private final byte[] in;
    private int position;
    private int bits;
    private int bitCount;
    private final int limit;
    private byte[] out = new byte[1024];
    private int size;

    private Inflate(byte[] in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /**
     * The bytes {@code data} unpacks to.
     *
     * @param limit the most bytes it may unpack to
     * @throws IllegalArgumentException if it is not a whole DEFLATE stream; {@link TooLong} if it unpacks to more than {@code limit}
     */
    public static byte[] decompress(byte[] data, int limit) {
        Inflate f = new Inflate(data, limit);
        boolean last;
        do {
            last = f.bits(1) == 1;
            int type = f.bits(2);
            if (type == 0) {
                f.stored();
            } else if (type == 1) {
                f.codes(Codes.FIXED_LITERALS, Codes.FIXED_DISTANCES);
            } else if (type == 2) {
                f.dynamic();
            } else {
                throw new IllegalArgumentException("a block of the reserved type 3");
            }
        } while (!last);
        return java.util.Arrays.copyOf(f.out, f.size);
    }

    private int bits(int count) {
        while (bitCount < count) {
            if (position == in.length) {
                throw new IllegalArgumentException("it ends in the middle of a block");
            }
            bits |= (in[position++] & 0xFF) << bitCount;
            bitCount += 8;
        }
        int value = bits & ((1 << count) - 1);
        bits >>>= count;
        bitCount -= count;
        return value;
    }

    private void stored() {
        bits = 0; // a stored block starts at the next byte
        bitCount = 0;
        if (position + 4 > in.length) {
            throw new IllegalArgumentException("it ends in the middle of a block");
        }
        int length = (in[position] & 0xFF) | (in[position + 1] & 0xFF) << 8;
        int check = (in[position + 2] & 0xFF) | (in[position + 3] & 0xFF) << 8;
        position += 4;
        if (length != (~check & 0xFFFF)) {
            throw new IllegalArgumentException("a stored block whose length does not match its check");
        }
        if (position + length > in.length) {
            throw new IllegalArgumentException("it ends in the middle of a block");
        }
        for (int k = 0; k < length; k++) {
            put(in[position++]);
        }
    }

    private void dynamic() {
        int literalCount = bits(5) + 257;
        int distanceCount = bits(5) + 1;
        int lengthCount = bits(4) + 4;
        if (literalCount > 286 || distanceCount > 30) {
            throw new IllegalArgumentException("a block with more codes than DEFLATE has");
        }
        int[] lengths = new int[19];
        for (int k = 0; k < lengthCount; k++) {
            lengths[Deflate.CODE_LENGTH_ORDER[k]] = bits(3);
        }
        Codes lengthCode = new Codes(lengths, 19);
        int[] codeLengths = new int[literalCount + distanceCount];
        int k = 0;
        while (k < codeLengths.length) {
            int symbol = decode(lengthCode);
            int repeat;
            int value;
            if (symbol < 16) {
                value = symbol;
                repeat = 1;
            } else if (symbol == 16) {
                if (k == 0) {
                    throw new IllegalArgumentException("a repeat of no earlier code length");
                }
                value = codeLengths[k - 1];
                repeat = 3 + bits(2);
            } else {
                value = 0;
                repeat = symbol == 17 ? 3 + bits(3) : 11 + bits(7);
            }
            if (k + repeat > codeLengths.length) {
                throw new IllegalArgumentException("code lengths beyond the block's codes");
            }
            while (repeat-- > 0) {
                codeLengths[k++] = value;
            }
        }
        if (codeLengths[256] == 0) {
            throw new IllegalArgumentException("a block with no end-of-block code");
        }
        codes(new Codes(codeLengths, 0, literalCount), new Codes(codeLengths, literalCount, distanceCount));
    }

    private void codes(Codes literals, Codes distances) {
        while (true) {
            int symbol = decode(literals);
            if (symbol < 256) {
                put((byte) symbol);
            } else if (symbol == 256) {
                return;
            } else {
                int code = symbol - 257;
                if (code >= 29) {
                    throw new IllegalArgumentException("a length code DEFLATE does not have");
                }
                int length = Deflate.LENGTH_BASE[code] + bits(Deflate.LENGTH_EXTRA[code]);
                int d = decode(distances);
                if (d >= 30) {
                    throw new IllegalArgumentException("a distance code DEFLATE does not have");
                }
                int distance = Deflate.DISTANCE_BASE[d] + bits(Deflate.DISTANCE_EXTRA[d]);
                if (distance > size) {
                    throw new IllegalArgumentException("a match reaching back before the start");
                }
                for (int k = 0; k < length; k++) {
                    put(out[size - distance]);
                }
            }
        }
    }

    /** One symbol, read a bit at a time down the canonical code (§3.2.2): codes are short here, and this needs no table. */
    private int decode(Codes c) {
        int code = 0;
        int first = 0;
        int index = 0;
        for (int length = 1; length <= MAX_BITS; length++) {
            code |= bits(1);
            int count = c.counts[length];
            if (code - first < count) {
                return c.symbols[index + code - first];
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        throw new IllegalArgumentException("a code that is not in its block's table");
    }

    private void put(byte b) {
        if (size == limit) {
            throw new TooLong(limit);
        }
        if (size == out.length) {
            out = java.util.Arrays.copyOf(out, out.length <= limit / 2 ? out.length * 2 : limit);
        }
        out[size++] = b;
    }

    /** The stream unpacks to more than the limit: it may be whole, but it is not read. */
    public static final class TooLong extends IllegalArgumentException {
        TooLong(int limit) {
            super("it unpacks to more than " + limit + " bytes");
        }
    }

    /** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
    private static final class Codes {
        static final Codes FIXED_LITERALS = fixedLiterals();
        static final Codes FIXED_DISTANCES = new Codes(filled(30, 5), 30);
        final int[] counts = new int[MAX_BITS + 1];
        final int[] symbols;

        Codes(int[] lengths, int n) {
            this(lengths, 0, n);
        }

        Codes(int[] lengths, int from, int n) {
            symbols = new int[n];
            for (int s = 0; s < n; s++) {
                counts[lengths[from + s]]++;
            }
            counts[0] = 0;
            int left = 1;
            for (int length = 1; length <= MAX_BITS; length++) {
                left = (left << 1) - counts[length];
                if (left < 0) {
                    throw new IllegalArgumentException("a code table with more codes than its lengths allow");
                }
            }
            int[] offsets = new int[MAX_BITS + 2];
            for (int length = 1; length <= MAX_BITS; length++) {
                offsets[length + 1] = offsets[length] + counts[length];
            }
            for (int s = 0; s < n; s++) {
                int length = lengths[from + s];
                if (length != 0) {
                    symbols[offsets[length]++] = s;
                }
            }
        }

        private static Codes fixedLiterals() {
            int[] lengths = new int[288];
            for (int s = 0; s < 288; s++) {
                lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
            }
            return new Codes(lengths, 288);
        }

        private static int[] filled(int n, int value) {
            int[] a = new int[n];
            java.util.Arrays.fill(a, value);
            return a;
        }
    }
}
