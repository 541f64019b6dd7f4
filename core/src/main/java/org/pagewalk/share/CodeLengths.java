package org.pagewalk.share;

/**
 * The bit length of each symbol's Huffman code from how often the symbol occurs (RFC 1951
 * §3.2.2: a block sends only the lengths; both sides build the same canonical codes from them).
 */
final class CodeLengths {
    private CodeLengths() {
    }

    /**
     * Lengths of at most {@code maxBits} for {@code counts}: 0 for a symbol that never occurs.
     * At least two symbols get a code, so the code is complete (an inflater may refuse one that is not).
     */
    static int[] of(int[] counts, int maxBits) {
        int[] weights = counts.clone();
        int used = 0;
        for (int w : weights) {
            used += w > 0 ? 1 : 0;
        }
        for (int s = 0; used < 2 && s < weights.length; s++) {
            if (weights[s] == 0) {
                weights[s] = 1;
                used++;
            }
        }
        while (true) {
            int[] lengths = huffman(weights);
            int longest = 0;
            for (int l : lengths) {
                longest = Math.max(longest, l);
            }
            if (longest <= maxBits) {
                return lengths;
            }
            // Too deep: flatten the weights (rare symbols move up) and build again.
            for (int s = 0; s < weights.length; s++) {
                if (weights[s] > 0) {
                    weights[s] = (weights[s] + 1) >>> 1;
                }
            }
        }
    }

    /** Huffman's construction: the two lightest trees joined until one is left; a symbol's length is its leaf's depth. */
    private static int[] huffman(int[] weights) {
        int n = weights.length;
        // Nodes 0..n-1 are the symbols, n.. the joins; parent[] gives each node's depth at the end.
        int[] weight = new int[2 * n];
        int[] parent = new int[2 * n];
        int[] heap = new int[2 * n];
        int size = 0;
        for (int s = 0; s < n; s++) {
            weight[s] = weights[s];
            if (weights[s] > 0) {
                size = push(heap, size, weight, s);
            }
        }
        int next = n;
        while (size > 1) {
            int a = heap[0];
            size = pop(heap, size, weight);
            int b = heap[0];
            size = pop(heap, size, weight);
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            parent[next] = -1;
            size = push(heap, size, weight, next);
            next++;
        }
        int root = heap[0];
        parent[root] = -1;
        int[] depth = new int[2 * n];
        // Joins are numbered after their children, so walking down from the root sets each parent's depth first.
        for (int node = next - 1; node >= 0; node--) {
            if (node == root || (node < n && weights[node] == 0)) {
                continue;
            }
            depth[node] = depth[parent[node]] + 1;
        }
        return java.util.Arrays.copyOf(depth, n);
    }

    private static int push(int[] heap, int size, int[] weight, int node) {
        int i = size++;
        heap[i] = node;
        while (i > 0 && lighter(weight, heap[i], heap[(i - 1) / 2])) {
            int p = (i - 1) / 2;
            int t = heap[i];
            heap[i] = heap[p];
            heap[p] = t;
            i = p;
        }
        return size;
    }

    private static int pop(int[] heap, int size, int[] weight) {
        heap[0] = heap[--size];
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && lighter(weight, heap[l], heap[m])) {
                m = l;
            }
            if (r < size && lighter(weight, heap[r], heap[m])) {
                m = r;
            }
            if (m == i) {
                return size;
            }
            int t = heap[i];
            heap[i] = heap[m];
            heap[m] = t;
            i = m;
        }
    }

    /** Ties go to the lower node number, so the same counts always give the same lengths. */
    private static boolean lighter(int[] weight, int a, int b) {
        return weight[a] < weight[b] || (weight[a] == weight[b] && a < b);
    }

    /** The canonical code of each symbol from the lengths (§3.2.2), bits in the order they are sent, most significant first. */
    static int[] codes(int[] lengths) {
        int[] count = new int[16];
        for (int l : lengths) {
            count[l]++;
        }
        count[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int bits = 1; bits < 16; bits++) {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            if (lengths[s] != 0) {
                codes[s] = next[lengths[s]]++;
            }
        }
        return codes;
    }
}
