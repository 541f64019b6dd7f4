package org.pagewalk.text;

/** A string as a JSON (and JavaScript) string literal: the runner's output, postMessage replies, the lesson bundle. */
public final class JsonText {
    private JsonText() {
    }

    /**
     * Quotes {@code s}. Besides JSON's required escapes it escapes {@code <} (so the text can sit in
     * a {@code <script>}) and U+2028/U+2029 (line breaks to older JavaScript parsers).
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '<':
                    sb.append("\\u003C");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        String hex = Integer.toHexString(c);
                        sb.append("\\u").append("0000".substring(hex.length())).append(hex);
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
