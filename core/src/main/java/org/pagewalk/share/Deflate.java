package org.pagewalk.share;

/**
 * Raw DEFLATE (RFC 1951) of a byte array: LZ77 matches found through hash chains, written as one
 * final block with Huffman codes made for it (§3.2.7). A session log repeats its commands and
 * addresses line after line, so a 10,000-line log packs to about a ninth, within a tenth of zlib's
 * best (DeflateTest).
 */
public final class Deflate {
    private static final int WINDOW = 32768;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int HASH_BITS = 15;
    /** How many earlier positions with the same three bytes a match search tries. */
    private static final int CHAIN = 64;
    private static final int END_OF_BLOCK = 256;

    static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83,
        99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
        12, 12, 13, 13};
    /** The order in which a dynamic block sends its code-length code's lengths (§3.2.7). */
    static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private byte[] out;
    private int size;
    private int bits;
    private int bitCount;

    private Deflate(int capacity) {
        out = new byte[Math.max(16, capacity)];
    }

    /** The raw DEFLATE stream of {@code data[0..length)}. */
    public static byte[] compress(byte[] data, int length) {
        // A literal is its byte (< 256); a match is (length << 16) | distance.
        int[] tokens = matches(data, length);
        int count = tokens[tokens.length - 1];
        int[] literalCounts = new int[286];
        int[] distanceCounts = new int[30];
        for (int t = 0; t < count; t++) {
            int token = tokens[t];
            if (token < 256) {
                literalCounts[token]++;
            } else {
                literalCounts[257 + lengthCode(token >>> 16)]++;
                distanceCounts[distanceCode(token & 0xFFFF)]++;
            }
        }
        literalCounts[END_OF_BLOCK] = 1;
        int[] literalLengths = CodeLengths.of(literalCounts, 15);
        int[] distanceLengths = CodeLengths.of(distanceCounts, 15);
        Deflate d = new Deflate(length / 4 + 64);
        d.writeBits(1, 1); // BFINAL: the only block
        d.writeBits(2, 2); // BTYPE 10: codes sent in the block
        d.writeCodeLengths(literalLengths, distanceLengths);
        int[] literalCodes = CodeLengths.codes(literalLengths);
        int[] distanceCodes = CodeLengths.codes(distanceLengths);
        for (int t = 0; t < count; t++) {
            int token = tokens[t];
            if (token < 256) {
                d.writeCode(literalCodes[token], literalLengths[token]);
            } else {
                int matchLength = token >>> 16;
                int distance = token & 0xFFFF;
                int lc = lengthCode(matchLength);
                d.writeCode(literalCodes[257 + lc], literalLengths[257 + lc]);
                d.writeBits(matchLength - LENGTH_BASE[lc], LENGTH_EXTRA[lc]);
                int dc = distanceCode(distance);
                d.writeCode(distanceCodes[dc], distanceLengths[dc]);
                d.writeBits(distance - DISTANCE_BASE[dc], DISTANCE_EXTRA[dc]);
            }
        }
        d.writeCode(literalCodes[END_OF_BLOCK], literalLengths[END_OF_BLOCK]);
        if (d.bitCount > 0) {
            d.put(d.bits);
        }
        return java.util.Arrays.copyOf(d.out, d.size);
    }

    /** The LZ77 tokens of the data, greedy longest match; the last element is their count. */
    private static int[] matches(byte[] data, int length) {
        int[] tokens = new int[length + 1];
        int count = 0;
        int[] head = new int[1 << HASH_BITS];
        java.util.Arrays.fill(head, -1);
        int[] previous = new int[WINDOW];
        int i = 0;
        while (i < length) {
            int bestLength = 0;
            int bestDistance = 0;
            if (i + MIN_MATCH <= length) {
                int candidate = head[hash(data, i)];
                int tries = CHAIN;
                int limit = Math.min(MAX_MATCH, length - i);
                while (candidate >= 0 && i - candidate <= WINDOW && tries-- > 0) {
                    int n = 0;
                    while (n < limit && data[candidate + n] == data[i + n]) {
                        n++;
                    }
                    if (n > bestLength) {
                        bestLength = n;
                        bestDistance = i - candidate;
                        if (n == limit) {
                            break;
                        }
                    }
                    int next = previous[candidate & (WINDOW - 1)];
                    // The slot may hold a later position by now: the chain ends there.
                    candidate = next < candidate ? next : -1;
                }
            }
            int step = 1;
            if (bestLength >= MIN_MATCH) {
                tokens[count++] = (bestLength << 16) | bestDistance;
                step = bestLength;
            } else {
                tokens[count++] = data[i] & 0xFF;
            }
            // Every position the step covers goes into the chains, so later matches can start inside it.
            for (int k = 0; k < step; k++, i++) {
                if (i + MIN_MATCH <= length) {
                    int h = hash(data, i);
                    previous[i & (WINDOW - 1)] = head[h];
                    head[h] = i;
                }
            }
        }
        tokens[tokens.length - 1] = count;
        return tokens;
    }

    private static int hash(byte[] data, int i) {
        int v = ((data[i] & 0xFF) << 16) | ((data[i + 1] & 0xFF) << 8) | (data[i + 2] & 0xFF);
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private static int lengthCode(int length) {
        int code = 28;
        while (LENGTH_BASE[code] > length) {
            code--;
        }
        return code;
    }

    private static int distanceCode(int distance) {
        int code = 29;
        while (DISTANCE_BASE[code] > distance) {
            code--;
        }
        return code;
    }

    /**
     * The block's header after its type (§3.2.7): how many codes, the code-length code, then both
     * codes' lengths run-length coded with it (16: repeat the last 3-6 times, 17 and 18: zeros).
     */
    private void writeCodeLengths(int[] literalLengths, int[] distanceLengths) {
        int literals = 286;
        while (literals > 257 && literalLengths[literals - 1] == 0) {
            literals--;
        }
        int distances = 30;
        while (distances > 1 && distanceLengths[distances - 1] == 0) {
            distances--;
        }
        int[] all = new int[literals + distances];
        System.arraycopy(literalLengths, 0, all, 0, literals);
        System.arraycopy(distanceLengths, 0, all, literals, distances);
        // The run-length symbols, each (extra bits << 8) | symbol, counted for their own code.
        int[] runs = new int[all.length];
        int n = 0;
        int[] counts = new int[19];
        for (int k = 0; k < all.length;) {
            int value = all[k];
            int run = 1;
            while (k + run < all.length && all[k + run] == value) {
                run++;
            }
            k += run;
            if (value == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    runs[n++] = ((r - 11) << 8) | 18;
                    run -= r;
                }
                if (run >= 3) {
                    runs[n++] = ((run - 3) << 8) | 17;
                    run = 0;
                }
            } else {
                runs[n++] = value;
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    runs[n++] = ((r - 3) << 8) | 16;
                    run -= r;
                }
            }
            while (run-- > 0) {
                runs[n++] = value;
            }
        }
        for (int k = 0; k < n; k++) {
            counts[runs[k] & 0xFF]++;
        }
        int[] lengthLengths = CodeLengths.of(counts, 7);
        int[] lengthCodes = CodeLengths.codes(lengthLengths);
        int sent = 19;
        while (sent > 4 && lengthLengths[CODE_LENGTH_ORDER[sent - 1]] == 0) {
            sent--;
        }
        writeBits(literals - 257, 5);
        writeBits(distances - 1, 5);
        writeBits(sent - 4, 4);
        for (int k = 0; k < sent; k++) {
            writeBits(lengthLengths[CODE_LENGTH_ORDER[k]], 3);
        }
        for (int k = 0; k < n; k++) {
            int symbol = runs[k] & 0xFF;
            writeCode(lengthCodes[symbol], lengthLengths[symbol]);
            if (symbol >= 16) {
                writeBits(runs[k] >>> 8, symbol == 16 ? 2 : symbol == 17 ? 3 : 7);
            }
        }
    }

    /** A Huffman code goes out most significant bit first (§3.1.1), unlike every other field. */
    private void writeCode(int code, int length) {
        int reversed = 0;
        for (int k = 0; k < length; k++) {
            reversed = (reversed << 1) | ((code >>> k) & 1);
        }
        writeBits(reversed, length);
    }

    private void writeBits(int value, int count) {
        bits |= value << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            put(bits);
            bits >>>= 8;
            bitCount -= 8;
        }
    }

    private void put(int b) {
        if (size == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) b;
    }
}
